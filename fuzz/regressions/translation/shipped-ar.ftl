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
pages-label = صفحات موقع المساعدة هذا
# translated-from: 469a870c
last-updated = آخر تحديث في { DATETIME($date) }
# translated-from: 8c65ad21
footer-independent = تشرح هذه الصفحة انتهاء خدمة ChatGPT على واتساب. وهي لا تجمع أي بيانات، ولا تحمّل أي محتوى من مواقع أخرى.

## Language chooser (/) and missing page (/404.html)

# translated-from: 124d6f6d
root-description = ماذا يعني لك انتهاء خدمة ChatGPT على واتساب، وكيف تحتفظ بمحادثاتك، باللغات الإنجليزية والعربية والتركية والإندونيسية والفرنسية.
# translated-from: ec77d4da
not-found-title = الصفحة غير موجودة
# translated-from: 3cebc142
not-found-text = هذه الصفحة غير موجودة. اقرأ الإشعار باللغة العربية.

## Status box, on every page

# translated-from: ea49666e
status-upcoming = { PLURAL($days_left) ->
    [zero] لم يبقَ أي يوم
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقي { $days_left } أيام
    [many] بقي { $days_left } يومًا
   *[other] بقي { $days_left } يوم
}
# translated-from: 71dbcfb0
status-last-day = اليوم هو آخر يوم
# translated-from: a7d894c9
status-ended = انتهت خدمة ChatGPT على واتساب
# Followed by the date of the last day.
# translated-from: 46dc965d
status-last-day-is = آخر يوم للخدمة:

## Notice page

# translated-from: 4a9a654f
cta-link = احتفظ بمحادثاتك
# translated-from: 19cf268a
cta-faq = أسئلة وأجوبة

## Questions and answers page

# translated-from: c4049e8d
faq-contents = الأسئلة في هذه الصفحة

## Link your account page

# translated-from: 0575be49
link-banner-upcoming = { PLURAL($days_left) ->
    [zero] لم يبقَ أمامك أي يوم لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [one] بقي أمامك يوم واحد لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [two] بقي أمامك يومان لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [few] بقي أمامك { $days_left } أيام لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [many] بقي أمامك { $days_left } يومًا لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
   *[other] بقي أمامك { $days_left } يوم لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
}
# translated-from: c92cbbce
link-banner-last-day = اليوم هو آخر يوم لربط رقمك على واتساب بحساب ChatGPT. اربطه الآن لتحتفظ بمحادثاتك.
# translated-from: cf891c7a
link-banner-ended = أُغلق باب الربط في { DATETIME($end_date) }. أما المحادثات التي لم تُربط حتى ذلك اليوم، فلم يعد ممكنًا نقلها إلى ChatGPT.

## Used inside the Markdown pages as {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## تذكير التقويم (<lang>/remind-me.ics)، يُعرض ما دامت الخدمة تعمل

# translated-from: fcaef7bd
reminder-link = أضف تذكيرًا إلى تقويمك
# translated-from: e69d9a7c
reminder-title = آخر يوم لربط رقمك على واتساب بحساب ChatGPT
# translated-from: d5d2712b
reminder-description = يتوقف ChatGPT عن الرد على واتساب بعد { DATETIME($end_date) }. اربط رقمك على واتساب بحساب ChatGPT اليوم لتحتفظ بمحادثاتك. ستجد الخطوات في الرابط المرفق بهذا الموعد.
