### What changed in the notice, and when: one message per update that site.toml records under
### [[updates]], named update-<id>. The notice page lists them, the latest first, and each
### language’s feed has an entry for each: each one must stay true after the end.
###
### Variables: $date (the day of the update), $end_date (the last day as it stood once the
### update was made), and for a moved date $from and $to (the last day before and after).
### After a date from a variable, add no bare case suffix: use “tarihinde”, “tarihinden sonra”.

# translated-from: cfa0531e
update-announced = OpenAI, ChatGPT’nin { DATETIME($end_date) } tarihinden sonra WhatsApp’ta kullanılamayacağını duyurdu.
