"""The course composer (assets/javascripts/composer.js): docs/courses/composer.md."""

from playbook.composer.composer import composer

MACROS = {"composer": composer}
