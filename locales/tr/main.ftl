### Yardım sitesinin arayüz metinleri: WhatsApp’ta ChatGPT hizmetinin sona ermesi.
###
### Variables the build provides to every message:
###   $phase       upcoming, last-day or ended
###   $days_left   days until the last day (not provided once the service has ended)
###   $end_date    the last day of the service, for DATETIME()
###   $date_announced  the day the end was announced, for DATETIME()
### PLURAL($n) gives the CLDR plural category of $n (Turkish: one, other);
### DATETIME($date) gives the language’s long date (“15 Ocak 2026”).
### Names stay as they are: ChatGPT, WhatsApp, OpenAI, Meta, Meta AI, 1-800-ChatGPT.
### After a date from a variable or placeholder, add no bare case suffix (it would not follow a changed date): rephrase, or use “idi”, “geçtikten sonra” or “tarihinde”.
### Typography: typographic apostrophe ’ before suffixes (WhatsApp’ta, ChatGPT’nin, OpenAI’ın), curly quotes “ ”.

## Whole site

# translated-from: 8da9d4a9
site-name = WhatsApp’ta ChatGPT: hizmetin sona ermesi
# translated-from: 457d59d6
skip-link = Ana içeriğe geç
# translated-from: efcf950b
languages-label = Dil seçimi
# translated-from: e29212a7
pages-label = Bu yardım sitesinin sayfaları
# translated-from: 7aa47720
last-updated = Son güncelleme: { DATETIME($date) }
# translated-from: 45b1153c
footer-independent = Bu yardım sitesi, WhatsApp’taki ChatGPT hizmetinin sona ermesiyle ilgili bilgi verir. Hiçbir veri toplamaz ve başka sitelerden hiçbir şey yüklemez.
# In the footer of every page: a link to this language’s feed of the updates (Atom), for feed readers.
# translated-from: 681ca3e1
updates-follow = Bu duyurudaki güncellemeleri bir akış okuyucusunda takip edin (Atom akışı)
# translated-from: 1d4a0836
untranslated-notice = Bu sayfa henüz Türkçeye çevrilmedi. Aşağıda metnin İngilizce aslını okuyabilirsiniz.
# translated-from: 33e52585
untranslated-link = İngilizce sayfaya gidin

## Language chooser (/) and missing page (/404.html)

# translated-from: 88282308
root-description = WhatsApp’taki ChatGPT hizmetinin sona ermesi ve bunun, bu hizmet üzerinden yaptığınız sohbetler için ne anlama geldiği hakkında İngilizce, Arapça, Türkçe, Endonezce ve Fransızca bilgiler.
# translated-from: ec77d4da
not-found-title = Sayfa bulunamadı
# translated-from: 4d9b16f3
not-found-text = Aradığınız sayfa mevcut değil. WhatsApp’taki ChatGPT hizmetinin sona ermesiyle ilgili Türkçe bilgilere buradan ulaşabilirsiniz.

## Status box, on every page

# translated-from: 192b9cc5
status-upcoming = { PLURAL($days_left) ->
    [one] Yarın son gün
   *[other] Son güne { $days_left } gün kaldı
}
# translated-from: 71dbcfb0
status-last-day = Bugün son gün
# In place of the countdown on a page read some days after it was built.
# translated-from: d462fd52
status-ending = Hizmet sona eriyor
# translated-from: a7d894c9
status-ended = Hizmet sona erdi
# Followed by the date of the last day.
# translated-from: 816bb8a8
status-last-day-is = Hizmetin son günü:
# Shown only without JavaScript, under a countdown: the day the page counted from.
# translated-from: e0144d99
status-as-of = { DATETIME($date) } itibarıyla.

## Notice page

# translated-from: f74a0606
cta-link = { $phase ->
    [ended] WhatsApp’taki ChatGPT sohbetlerinize ne oldu?
   *[other] WhatsApp’taki ChatGPT sohbetlerinizi nasıl saklayabilirsiniz?
}
# translated-from: 19cf268a
cta-faq = Sık sorulan sorular
# Above the list of the notice’s updates, the latest first; also the feed’s name in browsers.
# translated-from: 07bef8ab
updates-heading = Bu duyurudaki güncellemeler

## Questions and answers page

# translated-from: c4049e8d
faq-contents = Bu sayfadaki sorular

## Link your account page

# translated-from: a80a243a
link-banner-upcoming = { PLURAL($days_left) ->
    [one] WhatsApp’taki ChatGPT sohbetlerinizi saklamak için WhatsApp numaranızı bir ChatGPT hesabına bağlayın. Bunun için son gün yarın.
   *[other] WhatsApp’taki ChatGPT sohbetlerinizi saklamak için WhatsApp numaranızı bir ChatGPT hesabına bağlayın. Bunun için son güne { $days_left } gün kaldı.
}
# translated-from: a749c1fd
link-banner-last-day = WhatsApp’taki ChatGPT sohbetlerinizi saklamak için WhatsApp numaranızı hemen bir ChatGPT hesabına bağlayın. Bunun için bugün son gün.
# translated-from: 75c4f454
link-banner-ended = WhatsApp numaranızı bir ChatGPT hesabına bağlamak için son gün { DATETIME($end_date) } idi.

## Used inside the Markdown pages as {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Takvim hatırlatıcısı (<lang>/remind-me.ics), hizmet sürerken sunulur

# translated-from: fcaef7bd
reminder-link = Takviminize hatırlatıcı ekleyin
# translated-from: 033ca23a
reminder-title = WhatsApp numaranızı bir ChatGPT hesabına bağlamak için son gün
# The calendar’s alert, shown some days before the last day or on the last day itself. $date is the last day.
# translated-from: 88f44feb
reminder-alert = Hatırlatma: WhatsApp numaranızı bir ChatGPT hesabına bağlayıp WhatsApp’taki ChatGPT sohbetlerinizi saklamak için son gün { DATETIME($date) }.
# Shown in the calendar event, which is on the last day.
# translated-from: 4c69be79
reminder-description = WhatsApp’taki ChatGPT hizmetinin son günü { DATETIME($end_date) }. Bu hizmet üzerinden yaptığınız sohbetleri saklamak için WhatsApp numaranızı hizmet sona ermeden bir ChatGPT hesabına bağlayın. Hizmetin saat kaçta sona ereceği belirtilmedi; bu yüzden numaranızı bağlamayı ertelemeyin. Adımları aşağıdaki adresteki yardım sayfasında bulabilirsiniz:
# Starts the calendar event’s text once its date has moved. $changed is the day it moved, $from the last day before, $date the last day now.
# translated-from: 6efb5319
reminder-changed = Bu tarih { DATETIME($changed) } tarihinde değişti. Önceki son gün { DATETIME($from) } idi; yeni son gün { DATETIME($date) }.
