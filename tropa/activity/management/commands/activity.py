"""`manage.py activity sweep` re-dispatches stuck events; `activity export` prints xAPI statements (JSON lines)."""

import json

from django.core.management.base import BaseCommand

from tropa.activity.selectors import event_list_for_export
from tropa.activity.services import sweep
from tropa.activity.xapi import to_statement


class Command(BaseCommand):
    help = "Activity spine maintenance: sweep unprocessed events, export xAPI statements."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sweep_parser = sub.add_parser("sweep", help="dispatch events left unprocessed")
        sweep_parser.add_argument("--older-than", type=int, default=None, help="seconds (default: settings)")
        export = sub.add_parser("export", help="print events as xAPI statements, one JSON per line")
        export.add_argument("--organization", type=int, default=None)
        export.add_argument("--limit", type=int, default=None)

    def handle(self, *args, action, **options):
        if action == "sweep":
            count = sweep(older_than_seconds=options["older_than"])
            self.stdout.write(f"dispatched {count} event(s)")
        else:
            for event in event_list_for_export(organization_id=options["organization"], limit=options["limit"]):
                self.stdout.write(json.dumps(to_statement(event), ensure_ascii=False))
