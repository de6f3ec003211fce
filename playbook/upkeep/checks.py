"""What an item's upkeep must agree with elsewhere: an owner named by a role id is a role of roles.yml."""

from playbook.upkeep.review import owner_problems

CHECKS = (owner_problems,)
