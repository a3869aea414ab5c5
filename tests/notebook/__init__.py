"""Tests of reportbook.notebook."""
