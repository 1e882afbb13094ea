"""Reads calendar files with python's icalendar (a parser sunset did not write) and prints
what the browser tests check, as JSON: for each file its UID and SEQUENCE, the event's day,
and each alert's text and the floating local time it goes off at."""

import json
import sys
from datetime import datetime, timedelta

from icalendar import Calendar

found = {}
for path in sys.argv[1:]:
    with open(path, "rb") as file:
        calendar = Calendar.from_ical(file.read())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    event = events[0]
    day = event.decoded("DTSTART")
    start = datetime(day.year, day.month, day.day)
    alerts = []
    for alarm in event.walk("VALARM"):
        trigger = alarm.decoded("TRIGGER")
        assert isinstance(trigger, timedelta), trigger
        alerts.append({"text": str(alarm.get("DESCRIPTION")), "at": (start + trigger).isoformat()})
    found[path] = {
        "events": len(events),
        "uid": str(event.get("UID")),
        "sequence": int(event.get("SEQUENCE", 0)),
        "day": day.isoformat(),
        "summary": str(event.get("SUMMARY")),
        "alerts": alerts,
    }
print(json.dumps(found))
