### Ce qui a changé dans l’avis, et quand : un message par mise à jour que site.toml enregistre
### sous [[updates]], nommé update-<id>. La page d’information les liste, la plus récente en
### premier, et le flux de chaque langue a une entrée pour chacune : chacune doit rester vraie
### après la fin du service.
###
### Variables : $date (le jour de la mise à jour), $end_date (le dernier jour tel qu’il était au
### moment de la mise à jour), et pour une date déplacée $from et $to (le dernier jour avant et
### après le changement).

# translated-from: cfa0531e
update-announced = OpenAI a annoncé que ChatGPT ne serait plus disponible sur WhatsApp après le { DATETIME($end_date) }.
