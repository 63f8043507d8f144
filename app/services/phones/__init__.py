"""Phones (issue #18): sub-accounts, registration, set-up, edits, mailbox settings."""
