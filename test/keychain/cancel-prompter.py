"""A system prompter whose user answers every keyring prompt with Cancel.

    /usr/bin/python3 test/keychain/cancel-prompter.py

Owns org.gnome.keyring.SystemPrompter on the session bus, the name gnome-keyring-daemon sends its
unlock prompts to, and serves it with gcr's own GcrSystemPrompter: the D-Bus side that gcr-prompter
and GNOME Shell run too. Only the dialog is ours: it shows nothing and answers each prompt as a
user's Cancel does (no password; "cancel" for a confirmation), printing one line per prompt.
Runs until killed; exits 1 if it cannot own the name. Needs the Debian packages python3-gi and
gir1.2-gcr-3; run it with the system Python, which has them.
"""

import sys

import gi

gi.require_version("Gcr", "3")
from gi.repository import Gcr, Gio, GLib, GObject  # noqa: E402

BUS_NAME = "org.gnome.keyring.SystemPrompter"


class CancelledPrompt(GObject.Object, Gcr.Prompt):
    """A GcrPrompt whose every answer is Cancel. GcrSystemPrompter sets the properties."""

    title = GObject.Property(type=str)
    message = GObject.Property(type=str)
    description = GObject.Property(type=str)
    warning = GObject.Property(type=str)
    password_new = GObject.Property(type=bool, default=False)
    password_strength = GObject.Property(type=int, default=0)
    choice_label = GObject.Property(type=str)
    choice_chosen = GObject.Property(type=bool, default=False)
    caller_window = GObject.Property(type=str)
    continue_label = GObject.Property(type=str)
    cancel_label = GObject.Property(type=str)

    def _cancel(self, kind, cancellable, callback):
        print(f"cancelled {kind} prompt: {self.props.description}", flush=True)
        Gio.Task.new(self, cancellable, callback).return_boolean(False)

    def do_prompt_password_async(self, cancellable, callback, *_user_data):
        self._cancel("password", cancellable, callback)

    def do_prompt_password_finish(self, _result):
        return None  # no password: Cancel

    def do_prompt_confirm_async(self, cancellable, callback, *_user_data):
        self._cancel("confirm", cancellable, callback)

    def do_prompt_confirm_finish(self, _result):
        return Gcr.PromptReply.CANCEL


bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
prompter = Gcr.SystemPrompter.new(Gcr.SystemPrompterMode.SINGLE, CancelledPrompt.__gtype__)
prompter.register(bus)
loop = GLib.MainLoop()
# The loop ends only when the name is lost, or could not be owned in the first place.
Gio.bus_own_name_on_connection(bus, BUS_NAME, Gio.BusNameOwnerFlags.NONE, None, lambda *_: loop.quit())
loop.run()
print(f"cancel-prompter: could not own {BUS_NAME}", file=sys.stderr)
sys.exit(1)
