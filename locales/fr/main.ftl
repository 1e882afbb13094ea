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
# translated-from: 45b1153c
footer-independent = Ce site d’aide explique la fin de ChatGPT sur WhatsApp. Il ne collecte aucune donnée et ne charge aucun contenu provenant d’autres sites.
# translated-from: 1d4a0836
untranslated-notice = Cette page n’est pas encore traduite en français. En attendant, voici le texte original, en anglais.
# translated-from: 33e52585
untranslated-link = Ouvrir la page originale

## Choix de la langue (/) et page introuvable (/404.html)

# translated-from: 3113a895
root-description = Ce que la fin de ChatGPT sur WhatsApp change pour vous et pour vos discussions, en anglais, en arabe, en turc, en indonésien et en français.
# translated-from: ec77d4da
not-found-title = Page introuvable
# translated-from: 3cebc142
not-found-text = Cette page n’existe pas. Lire les informations en français.

## Encadré d’état, sur chaque page

# [1] : la veille du dernier jour. En français, la catégorie « one » couvre aussi 0 : on choisit
# donc sur le nombre exact.
# translated-from: a601cb6a
status-upcoming = { $days_left ->
    [1] C’est demain le dernier jour
   *[other] Il reste { $days_left } jours
}
# translated-from: 71dbcfb0
status-last-day = C’est aujourd’hui le dernier jour
# translated-from: a7d894c9
status-ended = Le service ChatGPT sur WhatsApp a pris fin
# À la place du décompte, sur une page lue quelques jours après sa génération.
# translated-from: d462fd52
status-ending = Le service ChatGPT sur WhatsApp touche à sa fin
# Suivi de la date du dernier jour.
# translated-from: 46dc965d
status-last-day-is = Dernier jour du service :
# Affiché seulement sans JavaScript, sous le décompte : le jour à partir duquel la page a compté.
# translated-from: e0144d99
status-as-of = Situation au { DATETIME($date) }.

## Page d’information

# Le bouton principal, vers les étapes pour lier son numéro ; une fois le service terminé, cette
# page explique ce que sont devenues les discussions.
# translated-from: a0b6285e
cta-link = { $phase ->
    [ended] Ce que sont devenues vos discussions
   *[other] Garder vos discussions
}
# translated-from: 19cf268a
cta-faq = Questions et réponses

## Page des questions et réponses

# translated-from: c4049e8d
faq-contents = Sur cette page

## Page pour lier votre numéro

# [1] : la veille du dernier jour (choix sur le nombre exact, comme pour status-upcoming).
# translated-from: f6c8a9bb
link-banner-upcoming = { $days_left ->
    [1] C’est demain le dernier jour pour lier votre numéro WhatsApp à un compte ChatGPT et garder vos discussions.
   *[other] Il vous reste { $days_left } jours pour lier votre numéro WhatsApp à un compte ChatGPT et garder vos discussions.
}
# translated-from: c92cbbce
link-banner-last-day = C’est aujourd’hui le dernier jour pour lier votre numéro WhatsApp à un compte ChatGPT. Faites-le dès maintenant pour garder vos discussions.
# translated-from: 9464f27a
link-banner-ended = Le dernier jour pour lier votre numéro était le { DATETIME($end_date) }. Si vous ne l’avez pas fait à temps, vos discussions WhatsApp ne peuvent plus être transférées vers ChatGPT.

## Utilisés dans les pages Markdown sous la forme {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Rappel de calendrier (<lang>/remind-me.ics), proposé tant que le service fonctionne

# translated-from: fcaef7bd
reminder-link = Ajouter un rappel à votre calendrier
# translated-from: 033ca23a
reminder-title = Dernier jour pour lier votre numéro WhatsApp à votre compte ChatGPT
# translated-from: 2ed01992
reminder-description = ChatGPT ne répondra plus sur WhatsApp après le { DATETIME($end_date) }. Liez dès maintenant votre numéro WhatsApp à un compte ChatGPT, avant l’arrêt du service, pour garder vos discussions. Les étapes se trouvent sur le site d’aide, à l’adresse ci-dessous.
