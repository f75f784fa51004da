"""Temporal expressions in Indonesian news: find them, resolve them to intervals of days and
infer a missing publication date from them.

``grammar`` builds the patterns from the word lists in ``lang/id/time.yaml`` and
``calendar.yaml``; ``find`` turns the text into ``Mention`` objects; ``tense`` reads the tense
of each from its own words or its clause; ``resolve`` gives each one an interval against the
anchor; ``infer`` guesses the publication date from the dates the article states.

Choices, so that users and the events stage can rely on them:

- a weekday is the most recent such day on or before the anchor; with "depan"/"mendatang" or
  a future cue in its clause ("akan", "dijadwalkan", "undangan") the next one on or after it
  ("Kamis depan" on a Wednesday is the next day); with "lalu" strictly before the anchor;
- a weekday beside a numeric date is that date; an impossible date is repaired from its
  weekday (the same day in the nearest month where it falls on that weekday, or a day of the
  same month within six days), else reported in ``error``;
- a day or month without a year is the one the tense points to (past: latest not after the
  anchor; future: earliest not before it), else the nearest to the anchor, unless that is more
  than a quarter ahead (then the past one: a far plan comes with "akan", "mendatang");
- weeks run Monday to Sunday; "N minggu lalu" is the calendar week of the day N weeks back,
  "N tahun lalu" the calendar year N back; "lebih dari N tahun lalu" is the year-long stretch
  beyond N years; vague counts ("beberapa hari") give a range (2 to 7 units);
- parts: awal/pertengahan/akhir bulan are days 1-10, 11-20, 21-end; awal tahun is January to
  March, pertengahan May to August, akhir September to December; seasons are not resolved;
- a period that holds the anchor is cut at the anchor by the tense ("akhir tahun ini" in a
  plan starts at the anchor);
- calendar arithmetic is done here rather than by ``dateparser``, which fails on the extra
  words, number words and parts of years that news text is full of.
"""
