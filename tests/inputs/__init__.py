"""Tests of reportbook.inputs."""
