### Interface text of the help site for the end of ChatGPT on WhatsApp (Arabic).
###
### Variables the build provides to every message:
###   $phase       upcoming, last-day or ended
###   $days_left   days until the last day (not provided once the service has ended)
###   $end_date    the last day of the service, for DATETIME()
###   $date_announced  the day the end was announced, for DATETIME()
### PLURAL($n) gives the CLDR plural category of $n (zero, one, two, few, many, other);
### DATETIME($date) gives the language's long date.
### Names stay as they are: ChatGPT, OpenAI, Meta AI, 1-800-ChatGPT.
### WhatsApp and Meta are written واتساب and ميتا, as in the Arabic press.

## Whole site

# translated-from: 8da9d4a9
site-name = انتهاء خدمة ChatGPT على واتساب
# translated-from: 0c9a8849
skip-link = انتقل إلى المحتوى
# translated-from: efcf950b
languages-label = اللغة
# translated-from: e29212a7
pages-label = صفحات الموقع
# translated-from: 469a870c
last-updated = آخر تحديث في { DATETIME($date) }
# translated-from: 45b1153c
footer-independent = يشرح موقع المساعدة هذا انتهاء خدمة ChatGPT على واتساب، ولا يجمع أي بيانات ولا يحمّل أي محتوى من مواقع أخرى.
# translated-from: 1d4a0836
untranslated-notice = لم تُترجم هذه الصفحة إلى العربية بعد، لذا نعرضها لك أدناه بالإنجليزية، لغتها الأصلية.
# translated-from: 33e52585
untranslated-link = انتقل إلى الصفحة الأصلية

## Language chooser (/) and missing page (/404.html)

# translated-from: 3113a895
root-description = ماذا يعني انتهاء خدمة ChatGPT على واتساب لك ولمحادثاتك، باللغات الإنجليزية والعربية والتركية والإندونيسية والفرنسية.
# translated-from: ec77d4da
not-found-title = الصفحة غير موجودة
# translated-from: 3cebc142
not-found-text = هذه الصفحة غير موجودة. اطّلع على تفاصيل انتهاء الخدمة باللغة العربية.

## Status box, on every page

# translated-from: a601cb6a
status-upcoming = { PLURAL($days_left) ->
    [zero] اليوم هو آخر يوم
    [one] غدًا هو آخر يوم
    [two] بقي يومان
    [few] بقي { $days_left } أيام
    [many] بقي { $days_left } يومًا
   *[other] بقي { $days_left } يوم
}
# translated-from: 71dbcfb0
status-last-day = اليوم هو آخر يوم
# In place of the countdown on a page read some days after it was built.
# translated-from: d462fd52
status-ending = تقترب خدمة ChatGPT على واتساب من نهايتها
# translated-from: a7d894c9
status-ended = انتهت خدمة ChatGPT على واتساب
# Followed by the date of the last day.
# translated-from: 46dc965d
status-last-day-is = آخر يوم للخدمة:
# Shown only without JavaScript, under a countdown: the day the page counted from.
# translated-from: e0144d99
status-as-of = بتاريخ { DATETIME($date) }.

## Notice page

# The main button, to the linking steps; once linking has closed, that page says what became
# of the chats.
# translated-from: a0b6285e
cta-link = { $phase ->
    [ended] مصير محادثاتك
   *[other] احتفظ بمحادثاتك
}
# translated-from: 19cf268a
cta-faq = الأسئلة الشائعة

## Questions and answers page

# translated-from: c4049e8d
faq-contents = أسئلة هذه الصفحة

## Link your account page

# translated-from: f6c8a9bb
link-banner-upcoming = { PLURAL($days_left) ->
    [zero] اليوم هو آخر يوم لربط رقمك على واتساب بحساب ChatGPT. اربطه الآن لتحتفظ بمحادثاتك.
    [one] غدًا هو آخر يوم لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [two] بقي أمامك يومان لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [few] بقي أمامك { $days_left } أيام لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [many] بقي أمامك { $days_left } يومًا لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
   *[other] بقي أمامك { $days_left } يوم لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
}
# translated-from: c92cbbce
link-banner-last-day = اليوم هو آخر يوم لربط رقمك على واتساب بحساب ChatGPT. اربطه الآن لتحتفظ بمحادثاتك.
# translated-from: 9464f27a
link-banner-ended = كان آخر يوم لربط رقمك على واتساب بحساب ChatGPT هو { DATETIME($end_date) }. وإن لم تكن قد ربطته حتى ذلك اليوم، فلم يعد نقل محادثاتك على واتساب إلى ChatGPT ممكنًا.

## Used inside the Markdown pages as {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## تذكير التقويم (<lang>/remind-me.ics)، يُعرض ما دامت الخدمة تعمل

# translated-from: fcaef7bd
reminder-link = أضف تذكيرًا إلى تقويمك
# translated-from: 033ca23a
reminder-title = آخر يوم لربط رقمك على واتساب بحسابك في ChatGPT
# translated-from: 2ed01992
reminder-description = يتوقف ChatGPT عن الردّ على واتساب بعد { DATETIME($end_date) }. اربط رقمك على واتساب بحساب ChatGPT الآن، قبل توقف الخدمة، لتحتفظ بمحادثاتك. ستجد الخطوات في موقع المساعدة على الرابط أدناه.
