"""Tests of reportbook.archive."""
