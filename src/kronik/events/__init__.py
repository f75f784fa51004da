"""Event extraction: triggers, frames (parties, status, date), merging within an article."""
