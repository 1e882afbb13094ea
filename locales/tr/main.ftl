### Yardım sitesinin arayüz metinleri: WhatsApp'ta ChatGPT hizmetinin sona ermesi.
###
### Variables the build provides to every message:
###   $phase       upcoming, last-day or ended
###   $days_left   days until the last day (not provided once the service has ended)
###   $end_date    the last day of the service, for DATETIME()
###   $date_announced  the day the end was announced, for DATETIME()
### PLURAL($n) gives the CLDR plural category of $n (Turkish: one, other);
### DATETIME($date) gives the language's long date ("15 Ocak 2026").
### Names stay as they are: ChatGPT, WhatsApp, OpenAI, Meta, Meta AI, 1-800-ChatGPT.
### After a date, use "tarihinde" / "tarihine kadar" instead of a bare case suffix.

## Whole site

# translated-from: 8da9d4a9
site-name = WhatsApp'ta ChatGPT: hizmetin sona ermesi
# translated-from: 0c9a8849
skip-link = İçeriğe geç
# translated-from: efcf950b
languages-label = Dil
# translated-from: e29212a7
pages-label = Bu yardım sitesinin sayfaları
# translated-from: 469a870c
last-updated = Son güncelleme: { DATETIME($date) }
# translated-from: 45b1153c
footer-independent = Bu yardım sitesi, WhatsApp'taki ChatGPT hizmetinin sona ermesiyle ilgili bilgi verir. Hiçbir veri toplamaz ve başka sitelerden hiçbir şey yüklemez.
# translated-from: 1d4a0836
untranslated-notice = Bu sayfa henüz Türkçeye çevrilmedi. Aşağıda metnin İngilizce aslını okuyabilirsiniz.
# translated-from: 33e52585
untranslated-link = İngilizce sayfaya gidin

## Language chooser (/) and missing page (/404.html)

# translated-from: 3113a895
root-description = WhatsApp'taki ChatGPT hizmetinin sona ermesi sizin ve sohbetleriniz için ne anlama geliyor? İngilizce, Arapça, Türkçe, Endonezce ve Fransızca bilgiler.
# translated-from: ec77d4da
not-found-title = Sayfa bulunamadı
# translated-from: 3cebc142
not-found-text = Aradığınız sayfa mevcut değil. Duyuruyu Türkçe okuyun.

## Status box, on every page

# translated-from: a601cb6a
status-upcoming = { PLURAL($days_left) ->
    [one] Yarın son gün
   *[other] { $days_left } gün kaldı
}
# translated-from: 71dbcfb0
status-last-day = Bugün son gün
# In place of the countdown on a page read some days after it was built.
# translated-from: d462fd52
status-ending = WhatsApp'taki ChatGPT hizmeti sona eriyor
# translated-from: a7d894c9
status-ended = WhatsApp'taki ChatGPT hizmeti sona erdi
# Followed by the date of the last day.
# translated-from: 46dc965d
status-last-day-is = Hizmetin son günü:
# Shown only without JavaScript, under a countdown: the day the page counted from.
# translated-from: e0144d99
status-as-of = { DATETIME($date) } itibarıyla.

## Notice page

# translated-from: a0b6285e
cta-link = { $phase ->
    [ended] Sohbetlerinize ne oldu?
   *[other] Sohbetlerinizi kaybetmeyin
}
# translated-from: 19cf268a
cta-faq = Sık sorulan sorular

## Questions and answers page

# translated-from: c4049e8d
faq-contents = Bu sayfadaki sorular

## Link your account page

# translated-from: f6c8a9bb
link-banner-upcoming = { PLURAL($days_left) ->
    [one] WhatsApp numaranızı bir ChatGPT hesabına bağlayıp sohbetlerinizi saklamak için yarın son gün.
   *[other] WhatsApp numaranızı bir ChatGPT hesabına bağlayıp sohbetlerinizi saklamak için { $days_left } gününüz kaldı.
}
# translated-from: c92cbbce
link-banner-last-day = WhatsApp numaranızı bir ChatGPT hesabına bağlamak için bugün son gün. Sohbetlerinizi kaybetmemek için hemen bağlayın.
# translated-from: 9464f27a
link-banner-ended = WhatsApp numaranızı bağlamak için son gün { DATETIME($end_date) } tarihiydi. Numaranızı o tarihe kadar bağlamadıysanız, WhatsApp sohbetleriniz artık ChatGPT'ye taşınamaz.

## Used inside the Markdown pages as {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Takvim hatırlatıcısı (<lang>/remind-me.ics), hizmet sürerken sunulur

# translated-from: fcaef7bd
reminder-link = Takviminize hatırlatıcı ekleyin
# translated-from: 033ca23a
reminder-title = WhatsApp numaranızı ChatGPT hesabınıza bağlamak için son gün
# translated-from: 2ed01992
reminder-description = ChatGPT, { DATETIME($end_date) } tarihinden sonra WhatsApp'ta yanıt vermeyecek. Sohbetlerinizi saklamak için WhatsApp numaranızı hizmet sona ermeden, şimdiden bir ChatGPT hesabına bağlayın. Adımları, aşağıdaki adresteki yardım sayfasında bulabilirsiniz.
