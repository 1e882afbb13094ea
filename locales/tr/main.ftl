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

site-name = WhatsApp'ta ChatGPT: hizmetin sona ermesi
skip-link = İçeriğe geç
languages-label = Dil
pages-label = Bu yardım sitesinin sayfaları
last-updated = Son güncelleme: { DATETIME($date) }
footer-independent = Bu sayfa, WhatsApp'taki ChatGPT hizmetinin sona ermesiyle ilgili bilgi verir. Hiçbir veri toplamaz ve başka sitelerden hiçbir şey yüklemez.

## Language chooser (/) and missing page (/404.html)

root-description = WhatsApp'taki ChatGPT hizmetinin sona ermesi sizin için ne anlama geliyor ve sohbetlerinizi nasıl saklarsınız? İngilizce, Arapça, Türkçe, Endonezce ve Fransızca bilgiler.
not-found-title = Sayfa bulunamadı
not-found-text = Aradığınız sayfa mevcut değil. Duyuruyu Türkçe okuyun.

## Status box, on every page

status-upcoming = { PLURAL($days_left) ->
    [one] { $days_left } gün kaldı
   *[other] { $days_left } gün kaldı
}
status-last-day = Bugün son gün
status-ended = WhatsApp'taki ChatGPT hizmeti sona erdi
# Followed by the date of the last day.
status-last-day-is = Hizmetin son günü:

## Notice page

cta-link = Sohbetlerinizi saklayın
cta-faq = Sık sorulan sorular

## Questions and answers page

faq-contents = Bu sayfadaki sorular

## Link your account page

link-banner-upcoming = { PLURAL($days_left) ->
    [one] WhatsApp numaranızı bir ChatGPT hesabına bağlayıp sohbetlerinizi saklamak için { $days_left } gününüz kaldı.
   *[other] WhatsApp numaranızı bir ChatGPT hesabına bağlayıp sohbetlerinizi saklamak için { $days_left } gününüz kaldı.
}
link-banner-last-day = WhatsApp numaranızı bir ChatGPT hesabına bağlamak için bugün son gün. Sohbetlerinizi saklamak için bunu hemen yapın.
link-banner-ended = Numara bağlama süresi { DATETIME($end_date) } tarihinde doldu. O tarihe kadar bağlanmamış sohbetler artık ChatGPT'ye taşınamaz.

## Used inside the Markdown pages as {{ id }}

end-date = { DATETIME($end_date) }
announced-date = { DATETIME($date_announced) }

## Takvim hatırlatıcısı (<lang>/remind-me.ics), hizmet sürerken sunulur

reminder-link = Takviminize hatırlatıcı ekleyin
reminder-title = WhatsApp numaranızı ChatGPT'ye bağlamak için son gün
reminder-description = ChatGPT, { DATETIME($end_date) } tarihinden sonra WhatsApp'ta yanıt vermeyecek. Sohbetlerinizi saklamak için WhatsApp numaranızı bugün bir ChatGPT hesabına bağlayın. Adımları bu etkinlikteki bağlantıda bulabilirsiniz.
