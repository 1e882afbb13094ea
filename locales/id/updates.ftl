### Apa yang berubah pada pemberitahuan, dan kapan: satu pesan untuk setiap pembaruan yang
### dicatat site.toml di bawah [[updates]], bernama update-<id>. Halaman pemberitahuan
### menampilkannya, yang terbaru lebih dulu, dan feed setiap bahasa memuat satu entri untuk
### masing-masing: setiap pesan harus tetap benar setelah layanan berakhir.
###
### Variabel: $date (hari pembaruan), $end_date (hari terakhir sebagaimana adanya saat
### pembaruan dibuat), dan untuk tanggal yang dipindahkan $from dan $to (hari terakhir sebelum
### dan sesudah perubahan).

# translated-from: cfa0531e
update-announced = OpenAI mengumumkan bahwa ChatGPT tidak akan tersedia lagi di WhatsApp setelah { DATETIME($end_date) }.
