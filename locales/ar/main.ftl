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

site-name = انتهاء خدمة ChatGPT على واتساب
skip-link = انتقل إلى المحتوى
languages-label = اللغة
pages-label = صفحات موقع المساعدة هذا
last-updated = آخر تحديث في { DATETIME($date) }
footer-independent = تشرح هذه الصفحة انتهاء خدمة ChatGPT على واتساب. وهي لا تجمع أي بيانات، ولا تحمّل أي محتوى من مواقع أخرى.

## Language chooser (/) and missing page (/404.html)

root-description = ماذا يعني لك انتهاء خدمة ChatGPT على واتساب، وكيف تحتفظ بمحادثاتك، باللغات الإنجليزية والعربية والتركية والإندونيسية والفرنسية.
not-found-title = الصفحة غير موجودة
not-found-text = هذه الصفحة غير موجودة. اقرأ الإشعار باللغة العربية.

## Status box, on every page

status-upcoming = { PLURAL($days_left) ->
    [zero] لم يبقَ أي يوم
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقي { $days_left } أيام
    [many] بقي { $days_left } يومًا
   *[other] بقي { $days_left } يوم
}
status-last-day = اليوم هو آخر يوم
status-ended = انتهت خدمة ChatGPT على واتساب
# Followed by the date of the last day.
status-last-day-is = آخر يوم للخدمة:

## Notice page

cta-link = احتفظ بمحادثاتك
cta-faq = أسئلة وأجوبة

## Questions and answers page

faq-contents = الأسئلة في هذه الصفحة

## Link your account page

link-banner-upcoming = { PLURAL($days_left) ->
    [zero] لم يبقَ أمامك أي يوم لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [one] بقي أمامك يوم واحد لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [two] بقي أمامك يومان لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [few] بقي أمامك { $days_left } أيام لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
    [many] بقي أمامك { $days_left } يومًا لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
   *[other] بقي أمامك { $days_left } يوم لربط رقمك على واتساب بحساب ChatGPT والاحتفاظ بمحادثاتك.
}
link-banner-last-day = اليوم هو آخر يوم لربط رقمك على واتساب بحساب ChatGPT. اربطه الآن لتحتفظ بمحادثاتك.
link-banner-ended = أُغلق باب الربط في { DATETIME($end_date) }. أما المحادثات التي لم تُربط حتى ذلك اليوم، فلم يعد ممكنًا نقلها إلى ChatGPT.

## Used inside the Markdown pages as {{ id }}

end-date = { DATETIME($end_date) }
announced-date = { DATETIME($date_announced) }

## تذكير التقويم (<lang>/remind-me.ics)، يُعرض ما دامت الخدمة تعمل

reminder-link = أضف تذكيرًا إلى تقويمك
reminder-title = آخر يوم لربط رقمك على واتساب بحساب ChatGPT
reminder-description = يتوقف ChatGPT عن الرد على واتساب بعد { DATETIME($end_date) }. اربط رقمك على واتساب بحساب ChatGPT اليوم لتحتفظ بمحادثاتك. ستجد الخطوات في الرابط المرفق بهذا الموعد.
