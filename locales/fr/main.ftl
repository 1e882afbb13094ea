### Textes de l’interface du site d’aide sur la fin de ChatGPT sur WhatsApp.
###
### Variables fournies par le build à chaque message :
###   $phase       upcoming, last-day ou ended
###   $days_left   jours restants jusqu’au dernier jour (absent une fois le service terminé)
###   $end_date    le dernier jour du service, pour DATETIME()
###   $date_announced  le jour où la fin a été annoncée, pour DATETIME()
### PLURAL($n) donne la catégorie de pluriel CLDR de $n (zero, one, two, few, many, other) ;
### DATETIME($date) donne la date longue de la langue.
### Noms inchangés : ChatGPT, WhatsApp, OpenAI, Meta, Meta AI, 1-800-ChatGPT.

## Tout le site

# translated-from: 8da9d4a9
site-name = ChatGPT sur WhatsApp : fin du service
# translated-from: 0c9a8849
skip-link = Aller au contenu
# translated-from: efcf950b
languages-label = Langue
# translated-from: e29212a7
pages-label = Pages de ce site d’aide
# translated-from: 469a870c
last-updated = Dernière mise à jour le { DATETIME($date) }
# translated-from: 8c65ad21
footer-independent = Cette page explique la fin de ChatGPT sur WhatsApp. Elle ne collecte aucune donnée et ne charge aucun contenu provenant d’autres sites.

## Choix de la langue (/) et page introuvable (/404.html)

# translated-from: 124d6f6d
root-description = Ce que la fin de ChatGPT sur WhatsApp change pour vous et comment garder vos discussions, en anglais, en arabe, en turc, en indonésien et en français.
# translated-from: ec77d4da
not-found-title = Page introuvable
# translated-from: 3cebc142
not-found-text = Cette page n’existe pas. Lire les informations en français.

## Encadré d’état, sur chaque page

# translated-from: ea49666e
status-upcoming = { PLURAL($days_left) ->
    [one] Il reste { $days_left } jour
   *[other] Il reste { $days_left } jours
}
# translated-from: 71dbcfb0
status-last-day = C’est aujourd’hui le dernier jour
# translated-from: a7d894c9
status-ended = Le service ChatGPT sur WhatsApp a pris fin
# Suivi de la date du dernier jour.
# translated-from: 46dc965d
status-last-day-is = Dernier jour du service :

## Page d’information

# translated-from: 4a9a654f
cta-link = Conserver vos discussions
# translated-from: 19cf268a
cta-faq = Questions et réponses

## Page des questions et réponses

# translated-from: c4049e8d
faq-contents = Sur cette page

## Page pour lier votre compte

# translated-from: 0575be49
link-banner-upcoming = { PLURAL($days_left) ->
    [one] Il vous reste { $days_left } jour pour lier votre numéro WhatsApp à un compte ChatGPT et garder vos discussions.
   *[other] Il vous reste { $days_left } jours pour lier votre numéro WhatsApp à un compte ChatGPT et garder vos discussions.
}
# translated-from: c92cbbce
link-banner-last-day = C’est aujourd’hui le dernier jour pour lier votre numéro WhatsApp à un compte ChatGPT. Faites-le dès maintenant pour garder vos discussions.
# translated-from: cf891c7a
link-banner-ended = Vous pouviez lier votre numéro jusqu’au { DATETIME($end_date) }. Les discussions qui n’ont pas été liées à temps ne peuvent plus être transférées vers ChatGPT.

## Utilisés dans les pages Markdown sous la forme {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Rappel d’agenda (<lang>/remind-me.ics), proposé tant que le service fonctionne

# translated-from: fcaef7bd
reminder-link = Ajouter un rappel à votre agenda
# translated-from: e69d9a7c
reminder-title = Dernier jour pour lier votre numéro WhatsApp à ChatGPT
# translated-from: d5d2712b
reminder-description = ChatGPT cesse de répondre sur WhatsApp après le { DATETIME($end_date) }. Liez aujourd’hui votre numéro WhatsApp à un compte ChatGPT pour garder vos discussions. Les étapes se trouvent sur la page liée à cet événement.
