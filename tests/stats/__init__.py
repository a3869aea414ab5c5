"""Tests of reportbook.stats."""
