"""Sign in as editor: the one door to the editing pages; signed in, a backup to download."""

from radar.ui.screens import sign_in

sign_in.render()
