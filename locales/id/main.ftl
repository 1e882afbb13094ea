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
# translated-from: 45b1153c
footer-independent = Situs bantuan ini menjelaskan berakhirnya ChatGPT di WhatsApp. Situs ini tidak mengumpulkan data dan tidak memuat apa pun dari situs lain.
# translated-from: 1d4a0836
untranslated-notice = Halaman ini belum tersedia dalam bahasa Indonesia. Untuk sementara, isinya ditampilkan dalam bahasa aslinya, yaitu bahasa Inggris.
# translated-from: 33e52585
untranslated-link = Buka halaman aslinya

## Language chooser (/) and missing page (/404.html)

# translated-from: 3113a895
root-description = Apa arti berakhirnya ChatGPT di WhatsApp bagi Anda dan obrolan Anda, dalam bahasa Inggris, Arab, Turki, Indonesia, dan Prancis.
# translated-from: ec77d4da
not-found-title = Halaman tidak ditemukan
# translated-from: 3cebc142
not-found-text = Halaman yang Anda cari tidak ditemukan. Baca pemberitahuan dalam bahasa Indonesia.

## Status box, on every page

# translated-from: a601cb6a
status-upcoming = { $days_left ->
    [1] Besok hari terakhir
   *[other] Tinggal { $days_left } hari lagi
}
# translated-from: 71dbcfb0
status-last-day = Hari ini hari terakhir
# Menggantikan hitungan mundur pada halaman yang dibaca beberapa hari setelah dibuat.
# translated-from: d462fd52
status-ending = Layanan ChatGPT di WhatsApp akan berakhir
# translated-from: a7d894c9
status-ended = Layanan ChatGPT di WhatsApp sudah berakhir
# Followed by the date of the last day.
# translated-from: 46dc965d
status-last-day-is = Hari terakhir layanan:
# Hanya tampil tanpa JavaScript, di bawah hitungan mundur: tanggal yang menjadi dasar hitungan.
# translated-from: e0144d99
status-as-of = Informasi per { DATETIME($date) }.

## Notice page

# Tombol utama, ke halaman langkah penautan; setelah layanan berakhir, halaman itu menjelaskan
# apa yang terjadi pada obrolan.
# translated-from: a0b6285e
cta-link = { $phase ->
    [ended] Nasib obrolan Anda
   *[other] Simpan obrolan Anda
}
# translated-from: 19cf268a
cta-faq = Tanya jawab

## Questions and answers page

# translated-from: c4049e8d
faq-contents = Pertanyaan di halaman ini

## Link your account page

# translated-from: f6c8a9bb
link-banner-upcoming = { $days_left ->
    [1] Besok adalah hari terakhir untuk menautkan nomor WhatsApp Anda ke akun ChatGPT. Tautkan sekarang agar obrolan Anda tetap tersimpan.
   *[other] Hari terakhir untuk menautkan nomor WhatsApp Anda ke akun ChatGPT tinggal { $days_left } hari lagi. Tautkan sekarang agar obrolan Anda tetap tersimpan.
}
# translated-from: c92cbbce
link-banner-last-day = Hari ini adalah hari terakhir untuk menautkan nomor WhatsApp Anda ke akun ChatGPT. Lakukan sekarang agar obrolan Anda tetap tersimpan.
# translated-from: 9464f27a
link-banner-ended = Hari terakhir untuk menautkan nomor adalah { DATETIME($end_date) }. Jika nomor Anda belum ditautkan sampai tanggal itu, obrolan WhatsApp Anda tidak bisa lagi dipindahkan ke ChatGPT.

## Used inside the Markdown pages as {{ id }}

# translated-from: 62a5c345
end-date = { DATETIME($end_date) }
# translated-from: 38b22e75
announced-date = { DATETIME($date_announced) }

## Pengingat kalender (<lang>/remind-me.ics), ditawarkan selama layanan masih berjalan

# translated-from: fcaef7bd
reminder-link = Tambahkan pengingat ke kalender Anda
# translated-from: 033ca23a
reminder-title = Hari terakhir untuk menautkan nomor WhatsApp ke akun ChatGPT Anda
# translated-from: 2ed01992
reminder-description = ChatGPT tidak akan tersedia lagi di WhatsApp setelah { DATETIME($end_date) }. Tautkan nomor WhatsApp Anda ke akun ChatGPT sekarang, sebelum layanan berhenti, agar obrolan Anda tetap tersimpan. Langkah-langkahnya ada di situs bantuan, pada alamat di bawah ini.
