"""Tests of reportbook.rendering."""
