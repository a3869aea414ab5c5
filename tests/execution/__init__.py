"""Tests of reportbook.execution."""
