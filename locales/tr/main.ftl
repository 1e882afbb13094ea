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
# translated-from: 8c65ad21
footer-independent = Bu sayfa, WhatsApp'taki ChatGPT hizmetinin sona ermesiyle ilgili bilgi verir. Hiçbir veri toplamaz ve başka sitelerden hiçbir şey yüklemez.

## Language chooser (/) and missing page (/404.html)

# translated-from: 124d6f6d
root-description = WhatsApp'taki ChatGPT hizmetinin sona ermesi sizin için ne anlama geliyor ve sohbetlerinizi nasıl saklarsınız? İngilizce, Arapça, Türkçe, Endonezce ve Fransızca bilgiler.
# translated-from: ec77d4da
not-found-title = Sayfa bulunamadı
# translated-from: 3cebc142
not-found-text = Aradığınız sayfa mevcut değil. Duyuruyu Türkçe okuyun.

## Status box, on every page

# translated-from: ea49666e
status-upcoming = { PLURAL($days_left) ->
    [one] { $days_left } gün kaldı
   *[other] { $days_left } gün kaldı
}
# translated-from: 71dbcfb0
status-last-day = Bugün son gün
# translated-from: a7d894c9
status-ended = WhatsApp'taki ChatGPT hizmeti sona erdi
# Followed by the date of the last day.
# translated-from: 46dc965d
status-last-day-is = Hizmetin son günü:

## Notice page

# translated-from: 4a9a654f
cta-link = Sohbetlerinizi saklayın
# translated-from: 19cf268a
cta-faq = Sık sorulan sorular

## Questions and answers page

# translated-from: c4049e8d
faq-contents = Bu sayfadaki sorular

## Link your account page

# translated-from: 0575be49
link-banner-upcoming = { PLURAL($days_left) ->
    [one] WhatsApp numaranızı bir ChatGPT hesabına bağlayıp sohbetlerinizi saklamak için { $days_left } gününüz kaldı.
   *[other] WhatsApp numaranızı bir ChatGPT hesabına bağlayıp sohbetlerinizi saklamak için { $days_left } gününüz kaldı.
}
# translated-from: c92cbbce
link-banner-last-day = WhatsApp numaranızı bir ChatGPT hesabına bağlamak için bugün son gün. Sohbetlerinizi saklamak için bunu hemen yapın.
# translated-from: cf891c7a
link-banner-ended = Numara bağlama süresi { DATETIME($end_date) } tarihinde doldu. O tarihe kadar bağlanmamış sohbetler artık ChatGPT'ye taşınamaz.

## Used inside the Markdown pages as {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Takvim hatırlatıcısı (<lang>/remind-me.ics), hizmet sürerken sunulur

# translated-from: fcaef7bd
reminder-link = Takviminize hatırlatıcı ekleyin
# translated-from: e69d9a7c
reminder-title = WhatsApp numaranızı ChatGPT'ye bağlamak için son gün
# translated-from: d5d2712b
reminder-description = ChatGPT, { DATETIME($end_date) } tarihinden sonra WhatsApp'ta yanıt vermeyecek. Sohbetlerinizi saklamak için WhatsApp numaranızı bugün bir ChatGPT hesabına bağlayın. Adımları bu etkinlikteki bağlantıda bulabilirsiniz.
