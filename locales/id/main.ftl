### Teks antarmuka situs bantuan tentang berakhirnya ChatGPT di WhatsApp.
###
### Variabel yang disediakan build untuk setiap pesan:
###   $phase       upcoming, last-day, atau ended
###   $days_left   jumlah hari sampai hari terakhir (tidak tersedia setelah layanan berakhir)
###   $end_date    hari terakhir layanan, untuk DATETIME()
###   $date_announced  tanggal pengumuman, untuk DATETIME()
### PLURAL($n) memberikan kategori jamak CLDR untuk $n; bahasa Indonesia hanya memakai "other".
### DATETIME($date) memberikan tanggal panjang, misalnya "15 Januari 2026".
### Nama tetap ditulis apa adanya: ChatGPT, WhatsApp, OpenAI, Meta, Meta AI, 1-800-ChatGPT.

## Whole site

site-name = ChatGPT di WhatsApp: penghentian layanan
skip-link = Langsung ke isi halaman
languages-label = Bahasa
pages-label = Halaman situs bantuan ini
last-updated = Terakhir diperbarui pada { DATETIME($date) }
footer-independent = Halaman ini menjelaskan berakhirnya ChatGPT di WhatsApp. Halaman ini tidak mengumpulkan data dan tidak memuat apa pun dari situs lain.

## Language chooser (/) and missing page (/404.html)

root-description = Apa arti berakhirnya ChatGPT di WhatsApp bagi Anda dan cara menyimpan obrolan Anda, dalam bahasa Inggris, Arab, Turki, Indonesia, dan Prancis.
not-found-title = Halaman tidak ditemukan
not-found-text = Halaman ini tidak ada. Baca pemberitahuan dalam bahasa Indonesia.

## Status box, on every page

status-upcoming = { PLURAL($days_left) ->
   *[other] Tinggal { $days_left } hari lagi
}
status-last-day = Hari ini hari terakhir
status-ended = ChatGPT di WhatsApp sudah berakhir
# Followed by the date of the last day.
status-last-day-is = Hari terakhir layanan:

## Notice page

cta-link = Simpan obrolan Anda
cta-faq = Tanya jawab

## Questions and answers page

faq-contents = Pertanyaan di halaman ini

## Link your account page

link-banner-upcoming = { PLURAL($days_left) ->
   *[other] Anda masih punya waktu { $days_left } hari untuk menautkan nomor WhatsApp Anda ke akun ChatGPT agar obrolan Anda tetap tersimpan.
}
link-banner-last-day = Hari ini adalah hari terakhir untuk menautkan nomor WhatsApp Anda ke akun ChatGPT. Lakukan sekarang agar obrolan Anda tetap tersimpan.
link-banner-ended = Batas waktu untuk menautkan nomor sudah berakhir pada { DATETIME($end_date) }. Obrolan yang belum ditautkan sampai tanggal itu tidak bisa lagi dipindahkan ke ChatGPT.

## Used inside the Markdown pages as {{ id }}

end-date = { DATETIME($end_date) }
announced-date = { DATETIME($date_announced) }

## Pengingat kalender (<lang>/remind-me.ics), ditawarkan selama layanan masih berjalan

reminder-link = Tambahkan pengingat ke kalender Anda
reminder-title = Hari terakhir untuk menautkan nomor WhatsApp Anda ke ChatGPT
reminder-description = ChatGPT akan berhenti menjawab di WhatsApp setelah { DATETIME($end_date) }. Tautkan nomor WhatsApp Anda ke akun ChatGPT hari ini agar obrolan Anda tetap tersimpan. Langkah-langkahnya ada di halaman yang ditautkan pada acara ini.
