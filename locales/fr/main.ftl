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

site-name = ChatGPT sur WhatsApp : fin du service
skip-link = Aller au contenu
languages-label = Langue
pages-label = Pages de ce site d’aide
last-updated = Dernière mise à jour le { DATETIME($date) }
footer-independent = Cette page explique la fin de ChatGPT sur WhatsApp. Elle ne collecte aucune donnée et ne charge aucun contenu provenant d’autres sites.

## Choix de la langue (/) et page introuvable (/404.html)

root-description = Ce que la fin de ChatGPT sur WhatsApp change pour vous et comment garder vos discussions, en anglais, en arabe, en turc, en indonésien et en français.
not-found-title = Page introuvable
not-found-text = Cette page n’existe pas. Lire les informations en français.

## Encadré d’état, sur chaque page

status-upcoming = { PLURAL($days_left) ->
    [one] Il reste { $days_left } jour
   *[other] Il reste { $days_left } jours
}
status-last-day = C’est aujourd’hui le dernier jour
status-ended = Le service ChatGPT sur WhatsApp a pris fin
# Suivi de la date du dernier jour.
status-last-day-is = Dernier jour du service :

## Page d’information

cta-link = Conserver vos discussions
cta-faq = Questions et réponses

## Page des questions et réponses

faq-contents = Sur cette page

## Page pour lier votre compte

link-banner-upcoming = { PLURAL($days_left) ->
    [one] Il vous reste { $days_left } jour pour lier votre numéro WhatsApp à un compte ChatGPT et garder vos discussions.
   *[other] Il vous reste { $days_left } jours pour lier votre numéro WhatsApp à un compte ChatGPT et garder vos discussions.
}
link-banner-last-day = C’est aujourd’hui le dernier jour pour lier votre numéro WhatsApp à un compte ChatGPT. Faites-le dès maintenant pour garder vos discussions.
link-banner-ended = Vous pouviez lier votre numéro jusqu’au { DATETIME($end_date) }. Les discussions qui n’ont pas été liées à temps ne peuvent plus être transférées vers ChatGPT.

## Utilisés dans les pages Markdown sous la forme {{ id }}

end-date = { DATETIME($end_date) }
announced-date = { DATETIME($date_announced) }

## Rappel d’agenda (<lang>/remind-me.ics), proposé tant que le service fonctionne

reminder-link = Ajouter un rappel à votre agenda
reminder-title = Dernier jour pour lier votre numéro WhatsApp à ChatGPT
reminder-description = ChatGPT cesse de répondre sur WhatsApp après le { DATETIME($end_date) }. Liez aujourd’hui votre numéro WhatsApp à un compte ChatGPT pour garder vos discussions. Les étapes se trouvent sur la page liée à cet événement.
