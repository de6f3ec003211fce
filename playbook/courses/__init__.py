"""Courses: the pages generated from playbook_data/courses/."""
