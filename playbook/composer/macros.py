"""The course composer (assets/javascripts/composer.js): docs/courses/composer.md."""

from playbook.composer.composer import FORM_KEYS, KEYS, PICKABLE, composer

MACROS = {"composer": composer}
UI_FAMILIES = {"composer-": KEYS + FORM_KEYS, "composer-pick-": PICKABLE}
