"""Temporal expressions in Indonesian news: find them, resolve them to intervals of days and
infer a missing publication date from them.

``grammar`` builds the patterns from the word lists in ``lang/id/time.yaml`` and
``calendar.yaml``; ``find`` turns the text into ``Mention`` objects; ``resolve`` gives each one
an interval against the anchor; ``infer`` guesses the publication date from explicit dates.
"""
