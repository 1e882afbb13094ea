### What changed in the notice, and when: one message per update that site.toml records under
### [[updates]], named update-<id>. The notice page lists them, the latest first, and each
### language’s feed has an entry for each: each one must stay true after the end.
###
### Variables: $date (the day of the update), $end_date (the last day as it stood once the
### update was made: an announcement keeps the date it announced if the end moves later), and
### for a moved date $from and $to (the last day before and after the move).

update-announced = OpenAI announced that ChatGPT would no longer be available on WhatsApp after { DATETIME($end_date) }.
