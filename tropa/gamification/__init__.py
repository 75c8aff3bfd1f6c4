"""XP ledger, levels, badges, streaks, daily challenges, battles and leaderboards; a consumer of the activity spine."""
