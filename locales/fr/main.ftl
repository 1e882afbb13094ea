### Textes de l’interface du site d’aide sur la fin de ChatGPT sur WhatsApp.
###
### Variables fournies par le build à chaque message :
###   $phase       upcoming, last-day ou ended
###   $days_left   jours restants jusqu’au dernier jour (absent une fois le service terminé)
###   $end_date    le dernier jour du service, pour DATETIME()
###   $date_announced  le jour où la fin a été annoncée, pour DATETIME()
### PLURAL($n) donne la catégorie de pluriel CLDR de $n (zero, one, two, few, many, other) ;
### DATETIME($date) donne la date longue de la langue.
### Noms inchangés : ChatGPT, WhatsApp, OpenAI, Meta, Meta AI, 1-800-ChatGPT.

## Tout le site

# translated-from: 8da9d4a9
site-name = ChatGPT sur WhatsApp : fin du service
# translated-from: 457d59d6
skip-link = Aller au contenu principal
# translated-from: efcf950b
languages-label = Langues
# translated-from: e29212a7
pages-label = Pages de ce site d’aide
# translated-from: 7aa47720
last-updated = Dernière mise à jour le { DATETIME($date) }
# translated-from: 45b1153c
footer-independent = Ce site d’aide explique la fin de ChatGPT sur WhatsApp. Il ne collecte aucune donnée et ne charge aucun contenu provenant d’autres sites.
# En pied de chaque page : un lien vers le flux des mises à jour dans cette langue (Atom), pour les lecteurs de flux.
# translated-from: 681ca3e1
updates-follow = Suivre les mises à jour de cet avis dans un lecteur de flux (flux Atom)
# translated-from: 1d4a0836
untranslated-notice = Cette page n’est pas encore traduite en français. En attendant, voici le texte original, en anglais.
# translated-from: 33e52585
untranslated-link = Ouvrir la page originale

## Choix de la langue (/) et page introuvable (/404.html)

# translated-from: 88282308
root-description = Informations sur la fin de ChatGPT sur WhatsApp et sur ce qu’elle change pour vos discussions avec ChatGPT, en anglais, en arabe, en turc, en indonésien et en français.
# translated-from: ec77d4da
not-found-title = Page introuvable
# translated-from: 4d9b16f3
not-found-text = Cette page n’existe pas. Lire la page d’information en français.

## Encadré d’état, sur chaque page

# [1] : la veille du dernier jour ; [2] : l’avant-veille. En français, la catégorie « one »
# couvre aussi 0 : on choisit donc sur le nombre exact.
# translated-from: 192b9cc5
status-upcoming = { $days_left ->
    [1] C’est demain le dernier jour
    [2] C’est après-demain le dernier jour
   *[other] Le dernier jour est dans { $days_left } jours
}
# translated-from: 71dbcfb0
status-last-day = C’est aujourd’hui le dernier jour
# translated-from: a7d894c9
status-ended = Le service ChatGPT sur WhatsApp a pris fin
# À la place du décompte, sur une page lue quelques jours après sa génération.
# translated-from: d462fd52
status-ending = Le service ChatGPT sur WhatsApp touche à sa fin
# Suivi de la date du dernier jour.
# translated-from: 816bb8a8
status-last-day-is = Dernier jour du service :
# Affiché seulement sans JavaScript, sous le décompte : le jour à partir duquel la page a compté.
# translated-from: e0144d99
status-as-of = Situation au { DATETIME($date) }.

## Page d’information

# Le bouton principal, vers les étapes pour lier son numéro ; une fois le service terminé, cette
# page explique ce que sont devenues les discussions.
# translated-from: f74a0606
cta-link = { $phase ->
    [ended] Vos discussions avec ChatGPT après la fin du service
   *[other] Comment conserver vos discussions avec ChatGPT
}
# translated-from: 19cf268a
cta-faq = Questions et réponses
# Au-dessus de la liste des mises à jour de l’avis, la plus récente en premier ; aussi le nom du flux dans les navigateurs.
# translated-from: 07bef8ab
updates-heading = Mises à jour de cet avis

## Page des questions et réponses

# translated-from: c4049e8d
faq-contents = Sur cette page

## Page pour lier votre numéro

# [1] : la veille du dernier jour ; [2] : l’avant-veille (choix sur le nombre exact, comme
# pour status-upcoming).
# translated-from: a80a243a
link-banner-upcoming = { $days_left ->
    [1] Pour conserver vos discussions avec ChatGPT, liez votre numéro WhatsApp à un compte ChatGPT. C’est demain le dernier jour pour le faire.
    [2] Pour conserver vos discussions avec ChatGPT, liez votre numéro WhatsApp à un compte ChatGPT. C’est après-demain le dernier jour pour le faire.
   *[other] Pour conserver vos discussions avec ChatGPT, liez votre numéro WhatsApp à un compte ChatGPT. Dernier jour pour le faire : dans { $days_left } jours.
}
# translated-from: a749c1fd
link-banner-last-day = Pour conserver vos discussions avec ChatGPT, liez dès maintenant votre numéro WhatsApp à un compte ChatGPT. C’est aujourd’hui le dernier jour pour le faire.
# translated-from: 75c4f454
link-banner-ended = Le dernier jour pour lier un numéro WhatsApp à un compte ChatGPT était le { DATETIME($end_date) }.

## Utilisés dans les pages Markdown sous la forme {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Rappel d’agenda (<lang>/remind-me.ics), proposé tant que le service fonctionne

# translated-from: fcaef7bd
reminder-link = Ajouter un rappel dans votre agenda
# translated-from: 033ca23a
reminder-title = Dernier jour pour lier votre numéro WhatsApp à un compte ChatGPT
# L’alerte de l’agenda, affichée quelques jours avant le dernier jour ou le jour même. $date est le dernier jour.
# translated-from: 88f44feb
reminder-alert = Rappel : le dernier jour pour lier votre numéro WhatsApp à un compte ChatGPT et conserver vos discussions avec ChatGPT est le { DATETIME($date) }.
# Affiché dans l’événement de l’agenda, placé le dernier jour.
# translated-from: 4c69be79
reminder-description = Le dernier jour de ChatGPT sur WhatsApp est le { DATETIME($end_date) }. Pour conserver vos discussions avec ChatGPT, liez votre numéro WhatsApp à un compte ChatGPT avant l’arrêt du service. L’heure exacte de l’arrêt n’a pas été annoncée : n’attendez pas. Les étapes sont expliquées sur le site d’aide, à l’adresse ci-dessous.
# En tête du texte de l’événement, une fois sa date changée. $changed est le jour du changement, $from le dernier jour d’avant, $date le dernier jour désormais.
# translated-from: 6efb5319
reminder-changed = Cette date a changé le { DATETIME($changed) }. Le dernier jour était le { DATETIME($from) } ; c’est désormais le { DATETIME($date) }.
