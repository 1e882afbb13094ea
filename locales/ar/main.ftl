### Interface text of the help site for the end of ChatGPT on WhatsApp (Arabic).
###
### Variables the build provides to every message:
###   $phase       upcoming, last-day or ended
###   $days_left   days until the last day (not provided once the service has ended)
###   $end_date    the last day of the service, for DATETIME()
###   $date_announced  the day the end was announced, for DATETIME()
### PLURAL($n) gives the CLDR plural category of $n (zero, one, two, few, many, other);
### DATETIME($date) gives the language’s long date.
### Names stay as they are: ChatGPT, OpenAI, Meta AI, 1-800-ChatGPT.
### WhatsApp and Meta are written in Arabic script, as in the Arabic press: واتساب and ميتا.

## Whole site

# translated-from: 8da9d4a9
site-name = انتهاء خدمة ChatGPT على واتساب
# translated-from: 457d59d6
skip-link = انتقل إلى المحتوى الرئيسي
# translated-from: efcf950b
languages-label = اختيار اللغة
# translated-from: e29212a7
pages-label = صفحات الموقع
# translated-from: 7aa47720
last-updated = آخر تحديث في { DATETIME($date) }
# translated-from: 45b1153c
footer-independent = يشرح موقع المساعدة هذا انتهاء خدمة ChatGPT على واتساب، ولا يجمع أي بيانات ولا يحمّل أي محتوى من مواقع أخرى.
# In the footer of every page: a link to this language’s feed of the updates (Atom), for feed readers.
# translated-from: 681ca3e1
updates-follow = تابع تحديثات هذا الإعلان في قارئ الخلاصات (خلاصة Atom)
# translated-from: 1d4a0836
untranslated-notice = لم تُترجم هذه الصفحة إلى العربية بعد، لذا نعرضها لك أدناه بالإنجليزية، لغتها الأصلية.
# translated-from: 33e52585
untranslated-link = انتقل إلى الصفحة الأصلية

## Language chooser (/) and missing page (/404.html)

# translated-from: 88282308
root-description = معلومات عن انتهاء خدمة ChatGPT على واتساب وما يعنيه ذلك لمحادثاتك مع ChatGPT، باللغات الإنجليزية والعربية والتركية والإندونيسية والفرنسية.
# translated-from: ec77d4da
not-found-title = الصفحة غير موجودة
# translated-from: 4d9b16f3
not-found-text = هذه الصفحة غير موجودة. اطّلع على تفاصيل انتهاء الخدمة باللغة العربية.

## Status box, on every page

# translated-from: 192b9cc5
status-upcoming = { PLURAL($days_left) ->
    [zero] اليوم هو آخر يوم
    [one] غدًا هو آخر يوم
    [two] بقي يومان على آخر يوم
    [few] بقي { $days_left } أيام على آخر يوم
    [many] بقي { $days_left } يومًا على آخر يوم
   *[other] بقي { $days_left } يوم على آخر يوم
}
# translated-from: 71dbcfb0
status-last-day = اليوم هو آخر يوم
# In place of the countdown on a page read some days after it was built.
# translated-from: d462fd52
status-ending = تقترب خدمة ChatGPT على واتساب من نهايتها
# translated-from: a7d894c9
status-ended = انتهت خدمة ChatGPT على واتساب
# Followed by the date of the last day.
# translated-from: 816bb8a8
status-last-day-is = آخر يوم للخدمة:
# Shown only without JavaScript, under a countdown: the day the page counted from.
# translated-from: e0144d99
status-as-of = (محسوب في { DATETIME($date) })

## Notice page

# The main button, to the linking steps; once linking has closed, that page says what became
# of the chats.
# translated-from: f74a0606
cta-link = { $phase ->
    [ended] محادثاتك مع ChatGPT بعد انتهاء الخدمة
   *[other] كيف تحتفظ بمحادثاتك مع ChatGPT
}
# translated-from: 19cf268a
cta-faq = الأسئلة الشائعة
# Above the list of the notice’s updates, the latest first; also the feed’s name in browsers.
# translated-from: 07bef8ab
updates-heading = تحديثات هذا الإعلان

## Questions and answers page

# translated-from: c4049e8d
faq-contents = الأسئلة في هذه الصفحة

## Link your account page

# translated-from: a80a243a
link-banner-upcoming = { PLURAL($days_left) ->
    [zero] لتحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT الآن، فاليوم هو آخر يوم للقيام بذلك.
    [one] لتحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT. وغدًا هو آخر يوم للقيام بذلك.
    [two] لتحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT. وقد بقي يومان على آخر يوم للقيام بذلك.
    [few] لتحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT. وقد بقي { $days_left } أيام على آخر يوم للقيام بذلك.
    [many] لتحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT. وقد بقي { $days_left } يومًا على آخر يوم للقيام بذلك.
   *[other] لتحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT. وقد بقي { $days_left } يوم على آخر يوم للقيام بذلك.
}
# translated-from: a749c1fd
link-banner-last-day = لتحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT الآن، فاليوم هو آخر يوم للقيام بذلك.
# translated-from: 75c4f454
link-banner-ended = كان آخر يوم لربط رقمك على واتساب بحساب ChatGPT هو { DATETIME($end_date) }.

## Used inside the Markdown pages as {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Calendar reminder (<lang>/remind-me.ics), offered while the service still runs

# translated-from: fcaef7bd
reminder-link = أضف تذكيرًا إلى تقويمك
# translated-from: 033ca23a
reminder-title = آخر يوم لربط رقمك على واتساب بحساب ChatGPT
# The calendar’s alert, shown some days before the last day or on the last day itself. $date is the last day.
# translated-from: 88f44feb
reminder-alert = تذكير: آخر يوم لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك مع ChatGPT هو { DATETIME($date) }.
# Shown in the calendar event, which is on the last day.
# translated-from: 4c69be79
reminder-description = آخر يوم لخدمة ChatGPT على واتساب هو { DATETIME($end_date) }. ولكي تحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT قبل أن تتوقف الخدمة. ولم يُعلَن الوقت الذي تتوقف فيه الخدمة بالضبط، فلا تنتظر. ستجد الخطوات في موقع المساعدة، على الرابط أدناه.
# Starts the calendar event’s text once its date has moved. $changed is the day it moved, $from the last day before, $date the last day now.
# translated-from: 6efb5319
reminder-changed = تغيّر هذا الموعد في { DATETIME($changed) }. كان آخر يوم { DATETIME($from) }، وأصبح الآن { DATETIME($date) }.
