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

# translated-from: 8da9d4a9
site-name = ChatGPT di WhatsApp: penghentian layanan
# translated-from: 0c9a8849
skip-link = Langsung ke isi halaman
# translated-from: efcf950b
languages-label = Bahasa
# translated-from: e29212a7
pages-label = Halaman situs bantuan ini
# translated-from: 469a870c
last-updated = Terakhir diperbarui pada { DATETIME($date) }
# translated-from: 8c65ad21
footer-independent = Halaman ini menjelaskan berakhirnya ChatGPT di WhatsApp. Halaman ini tidak mengumpulkan data dan tidak memuat apa pun dari situs lain.

## Language chooser (/) and missing page (/404.html)

# translated-from: 124d6f6d
root-description = Apa arti berakhirnya ChatGPT di WhatsApp bagi Anda dan cara menyimpan obrolan Anda, dalam bahasa Inggris, Arab, Turki, Indonesia, dan Prancis.
# translated-from: ec77d4da
not-found-title = Halaman tidak ditemukan
# translated-from: 3cebc142
not-found-text = Halaman ini tidak ada. Baca pemberitahuan dalam bahasa Indonesia.

## Status box, on every page

# translated-from: ea49666e
status-upcoming = { PLURAL($days_left) ->
   *[other] Tinggal { $days_left } hari lagi
}
# translated-from: 71dbcfb0
status-last-day = Hari ini hari terakhir
# translated-from: a7d894c9
status-ended = ChatGPT di WhatsApp sudah berakhir
# Followed by the date of the last day.
# translated-from: 46dc965d
status-last-day-is = Hari terakhir layanan:

## Notice page

# translated-from: 4a9a654f
cta-link = Simpan obrolan Anda
# translated-from: 19cf268a
cta-faq = Tanya jawab

## Questions and answers page

# translated-from: c4049e8d
faq-contents = Pertanyaan di halaman ini

## Link your account page

# translated-from: 0575be49
link-banner-upcoming = { PLURAL($days_left) ->
   *[other] Anda masih punya waktu { $days_left } hari untuk menautkan nomor WhatsApp Anda ke akun ChatGPT agar obrolan Anda tetap tersimpan.
}
# translated-from: c92cbbce
link-banner-last-day = Hari ini adalah hari terakhir untuk menautkan nomor WhatsApp Anda ke akun ChatGPT. Lakukan sekarang agar obrolan Anda tetap tersimpan.
# translated-from: cf891c7a
link-banner-ended = Batas waktu untuk menautkan nomor sudah berakhir pada { DATETIME($end_date) }. Obrolan yang belum ditautkan sampai tanggal itu tidak bisa lagi dipindahkan ke ChatGPT.

## Used inside the Markdown pages as {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Pengingat kalender (<lang>/remind-me.ics), ditawarkan selama layanan masih berjalan

# translated-from: fcaef7bd
reminder-link = Tambahkan pengingat ke kalender Anda
# translated-from: e69d9a7c
reminder-title = Hari terakhir untuk menautkan nomor WhatsApp Anda ke ChatGPT
# translated-from: d5d2712b
reminder-description = ChatGPT akan berhenti menjawab di WhatsApp setelah { DATETIME($end_date) }. Tautkan nomor WhatsApp Anda ke akun ChatGPT hari ini agar obrolan Anda tetap tersimpan. Langkah-langkahnya ada di halaman yang ditautkan pada acara ini.
