### Teks antarmuka situs bantuan tentang berakhirnya ChatGPT di WhatsApp.
###
### Variabel yang disediakan build untuk setiap pesan:
###   $phase       upcoming, last-day, atau ended
###   $days_left   jumlah hari sampai hari terakhir (tidak tersedia setelah layanan berakhir)
###   $end_date    hari terakhir layanan, untuk DATETIME()
###   $date_announced  tanggal pengumuman, untuk DATETIME()
### PLURAL($n) memberikan kategori jamak CLDR untuk $n; bahasa Indonesia hanya memakai “other”.
### DATETIME($date) memberikan tanggal panjang, misalnya “15 Januari 2026”.
### Nama tetap ditulis apa adanya: ChatGPT, WhatsApp, OpenAI, Meta, Meta AI, 1-800-ChatGPT.

## Whole site

# translated-from: 8da9d4a9
site-name = ChatGPT di WhatsApp: penghentian layanan
# translated-from: 457d59d6
skip-link = Langsung ke konten utama
# translated-from: efcf950b
languages-label = Bahasa
# translated-from: e29212a7
pages-label = Halaman situs bantuan ini
# translated-from: 7aa47720
last-updated = Terakhir diperbarui pada { DATETIME($date) }
# translated-from: 45b1153c
footer-independent = Situs bantuan ini menjelaskan berakhirnya ChatGPT di WhatsApp. Situs ini tidak mengumpulkan data dan tidak memuat konten apa pun dari situs lain.
# Di kaki setiap halaman: tautan ke feed pembaruan dalam bahasa ini (Atom), untuk aplikasi pembaca feed.
# translated-from: 681ca3e1
updates-follow = Ikuti pembaruan pemberitahuan ini di aplikasi pembaca feed (feed Atom)
# translated-from: 1d4a0836
untranslated-notice = Halaman ini belum tersedia dalam bahasa Indonesia. Untuk sementara, isinya ditampilkan dalam bahasa aslinya, yaitu bahasa Inggris.
# translated-from: 33e52585
untranslated-link = Buka halaman aslinya

## Language chooser (/) and missing page (/404.html)

# translated-from: 88282308
root-description = Informasi tentang berakhirnya ChatGPT di WhatsApp dan artinya bagi obrolan Anda dengan ChatGPT, dalam bahasa Inggris, Arab, Turki, Indonesia, dan Prancis.
# translated-from: ec77d4da
not-found-title = Halaman tidak ditemukan
# translated-from: 4d9b16f3
not-found-text = Halaman yang Anda cari tidak ditemukan. Baca informasi tentang berakhirnya ChatGPT di WhatsApp dalam bahasa Indonesia.

## Status box, on every page

# [1]: sehari sebelum hari terakhir. CLDR bahasa Indonesia hanya punya bentuk “other”, jadi
# varian ini dipilih berdasarkan angka persisnya.
# translated-from: 192b9cc5
status-upcoming = { $days_left ->
    [1] Besok hari terakhir
   *[other] { $days_left } hari lagi menuju hari terakhir
}
# translated-from: 71dbcfb0
status-last-day = Hari ini hari terakhir
# Menggantikan hitungan mundur pada halaman yang dibaca beberapa hari setelah dibuat.
# translated-from: d462fd52
status-ending = Layanan ChatGPT di WhatsApp akan berakhir
# translated-from: a7d894c9
status-ended = Layanan ChatGPT di WhatsApp sudah berakhir
# Diikuti tanggal hari terakhir.
# translated-from: 816bb8a8
status-last-day-is = Hari terakhir layanan:
# Hanya tampil tanpa JavaScript, di bawah hitungan mundur: tanggal yang menjadi dasar hitungan.
# translated-from: e0144d99
status-as-of = Informasi per { DATETIME($date) }.

## Notice page

# Tombol utama, ke halaman langkah penautan; setelah layanan berakhir, halaman itu menjelaskan
# apa yang terjadi pada obrolan.
# translated-from: f74a0606
cta-link = { $phase ->
    [ended] Obrolan Anda dengan ChatGPT setelah layanan berakhir
   *[other] Cara menyimpan obrolan Anda dengan ChatGPT
}
# translated-from: 19cf268a
cta-faq = Tanya jawab
# Di atas daftar pembaruan pemberitahuan, yang terbaru lebih dulu; juga nama feed di peramban.
# translated-from: 07bef8ab
updates-heading = Pembaruan pemberitahuan ini

## Questions and answers page

# translated-from: c4049e8d
faq-contents = Pertanyaan di halaman ini

## Link your account page

# translated-from: a80a243a
link-banner-upcoming = { $days_left ->
    [1] Agar obrolan Anda dengan ChatGPT tetap tersimpan, tautkan nomor WhatsApp Anda ke akun ChatGPT. Besok adalah hari terakhir untuk melakukannya.
   *[other] Agar obrolan Anda dengan ChatGPT tetap tersimpan, tautkan nomor WhatsApp Anda ke akun ChatGPT. Batas akhirnya tinggal { $days_left } hari lagi.
}
# translated-from: a749c1fd
link-banner-last-day = Agar obrolan Anda dengan ChatGPT tetap tersimpan, tautkan nomor WhatsApp Anda ke akun ChatGPT sekarang. Hari ini adalah hari terakhir untuk melakukannya.
# translated-from: 75c4f454
link-banner-ended = Nomor WhatsApp hanya bisa ditautkan ke akun ChatGPT sampai { DATETIME($end_date) }.

## Used inside the Markdown pages as {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Pengingat kalender (<lang>/remind-me.ics), ditawarkan selama layanan masih berjalan

# translated-from: fcaef7bd
reminder-link = Tambahkan pengingat ke kalender Anda
# translated-from: 033ca23a
reminder-title = Hari terakhir untuk menautkan nomor WhatsApp Anda ke akun ChatGPT
# Pengingat dari kalender, muncul beberapa hari sebelum hari terakhir atau pada hari terakhir itu sendiri. $date adalah hari terakhir.
# translated-from: 88f44feb
reminder-alert = Pengingat: { DATETIME($date) } adalah hari terakhir untuk menautkan nomor WhatsApp Anda ke akun ChatGPT agar obrolan Anda dengan ChatGPT tetap tersimpan.
# Tampil di acara kalender, yang jatuh pada hari terakhir.
# translated-from: 4c69be79
reminder-description = Hari terakhir layanan ChatGPT di WhatsApp adalah { DATETIME($end_date) }. Agar obrolan Anda dengan ChatGPT tetap tersimpan, tautkan nomor WhatsApp Anda ke akun ChatGPT sebelum layanan berakhir. Pukul berapa tepatnya belum diumumkan, jadi jangan menunggu sampai saat-saat terakhir. Lihat langkah-langkahnya di situs bantuan berikut:
# Membuka teks acara kalender setelah tanggalnya berubah. $changed adalah hari perubahan, $from hari terakhir sebelumnya, $date hari terakhir sekarang.
# translated-from: 6efb5319
reminder-changed = Tanggal ini diubah pada { DATETIME($changed) }. Sebelumnya, hari terakhir adalah { DATETIME($from) }; sekarang { DATETIME($date) }.
