### What changed in the notice, and when: one message per update of site.toml's [[updates]],
### named update-<id>. Each must stay true after the end. $date is the update's day,
### $end_date the last day as it stood then (it does not follow a later move), and a moved
### date has $from and $to.

update-announced = Example Service announced that it would stop after { DATETIME($end_date) }.
