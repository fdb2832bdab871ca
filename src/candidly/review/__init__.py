"""The review gate: tiers, the policy that picks a message's tier, queues and decisions."""
