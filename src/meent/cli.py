"""The ``meent`` command. Wrong arguments or a missing file end with exit code 2 and one line, no traceback."""

import argparse
import os
import subprocess
import sys
from pathlib import Path


class CliError(Exception):
    """A one-line reason for the user; exit code 2."""


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meent.settings")
    import django

    django.setup()


def _ensure_var_dir() -> None:
    from django.conf import settings

    Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)


LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def cmd_demo(args: argparse.Namespace) -> int:
    # The demo is explicit: it alone runs with demo defaults (DEBUG on, demo secret key).
    os.environ.setdefault("MEENT_ENV", "demo")
    _setup_django()
    _ensure_var_dir()
    from django.core.management import call_command

    from meent.core.demo import load_demo

    call_command("migrate", interactive=False, verbosity=0)
    print("Database bijgewerkt; demogegevens laden…", flush=True)
    load_demo()
    print("Demogegevens geladen. Accounts: zie README.md (wachtwoord Meent-demo-2026).", flush=True)
    if args.no_serve:
        return 0
    return cmd_serve(args)


def cmd_serve(args: argparse.Namespace) -> int:
    _setup_django()
    _ensure_var_dir()
    from django.conf import settings

    port = str(args.port or os.environ.get("PORT", "8000"))
    bind = f"{args.host}:{port}"
    check_bind(args.host)
    worker = None
    if args.no_worker:
        print("Zonder taakverwerker: mail gaat pas weg als `meent manage db_worker` draait.", flush=True)
    else:  # mail leaves through background tasks: without a worker nothing is sent
        worker = subprocess.Popen([sys.executable, "-m", "meent.cli", "manage", "db_worker", "--no-reload"])
    print(f"Meent draait op http://{bind}/ (stoppen met Ctrl+C)", flush=True)
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "meent.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(args.workers),
        "--access-logfile",
        "-",
        "--config",
        "python:meent.gunicorn_config",
    ]
    if settings.DEBUG:
        command += ["--reload"] if args.reload else []
    try:
        return subprocess.call(command)  # noqa: S603
    except KeyboardInterrupt:
        return 0
    finally:
        if worker:
            worker.terminate()


def check_bind(host: str) -> None:
    """DEBUG shows settings and paths on every error page: never on an address others can reach."""
    from django.conf import settings

    if settings.DEBUG and host.strip() not in LOOPBACK_HOSTS:
        raise CliError(f"DEBUG staat aan; starten op {host} (niet alleen deze machine) is geweigerd — zet DEBUG=false")


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"bestand niet gevonden: {path}")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"{path} is geen UTF-8-tekst") from exc
    _setup_django()
    import datetime

    from django_scopes import scopes_disabled

    from meent.core.refusals import ImportRefused
    from meent.leden.services import import_gemeenten

    valid_from = None
    if args.geldig_van:
        try:
            valid_from = datetime.date.fromisoformat(args.geldig_van)
        except ValueError as exc:
            raise CliError(f"--geldig-van moet een datum zijn (JJJJ-MM-DD), niet {args.geldig_van!r}") from exc
    try:
        with scopes_disabled():
            report = import_gemeenten(text, valid_from=valid_from)
    except ImportRefused as exc:
        raise CliError(str(exc)) from exc
    print(f"Gemeenten geïmporteerd: {report.summary()}")
    return 0


def cmd_import_benchmark(args: argparse.Namespace) -> int:
    _setup_django()
    from meent.realisatie.benchmark.models import DataImport
    from meent.realisatie.benchmark.services import import_file, summary

    kind = "rivm" if args.kind == "rivm" else args.soort
    options = {
        "kind": kind,
        "file": args.file,
        "online": args.online,
        "bron": args.bron,
        "tabel": args.tabel,
        "thema": args.thema,
    }
    try:
        log = import_file(options, write=lambda message: print(message, flush=True))
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if log.status != DataImport.Status.GESLAAGD:
        raise CliError(log.message)
    print(summary(log))
    return 0


def cmd_jaarverslag(args: argparse.Namespace) -> int:
    if not (args.pdf or args.csv):
        raise CliError("geef --pdf BESTAND en/of --csv BESTAND")
    for target in (args.pdf, args.csv):
        if target and not Path(target).resolve().parent.is_dir():
            raise CliError(f"map bestaat niet: {Path(target).parent}")
    _setup_django()
    from meent.jaarverslag import exports

    try:
        written = exports.write_files(args.jaar, pdf=args.pdf, csv=args.csv)
    except exports.NoReport as exc:
        raise CliError(str(exc)) from exc
    for path in written:
        print(f"Geschreven: {path}")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line
    from django_scopes import scopes_disabled

    with scopes_disabled():
        execute_from_command_line(["meent manage", *args.args])
    return 0


def cmd_otp(args: argparse.Namespace) -> int:
    os.environ.setdefault("MEENT_ENV", "demo")
    _setup_django()
    from django.conf import settings

    if settings.MEENT_ENV != "demo":
        raise CliError("meent otp werkt alleen in de demo (MEENT_ENV=demo)")
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from meent.core.demo import DEMO_TOTP_KEY

    # Only the documented demo secret: a real account's device is never read out.
    device = TOTPDevice.objects.filter(user__username=args.username, confirmed=True, key=DEMO_TOTP_KEY).first()
    if device is None:
        raise CliError(f"geen demo-tweestapsapparaat voor gebruiker {args.username!r}")
    print(f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}")
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    _setup_django()
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from meent.leden import services
    from meent.leden.models import Account, ApiToken, MachineClient

    with scopes_disabled():
        if args.action == "list":
            now = timezone.now()
            for token in ApiToken.objects.select_related("client__account").order_by("client__name", "-created_at"):
                state = "ingetrokken" if token.revoked_at else "verlopen" if token.expires_at <= now else "geldig"
                client = token.client
                used = (
                    f"laatst gebruikt {token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "nooit gebruikt"
                )
                access = "lezen+schrijven" if client.can_write else "alleen lezen"
                print(
                    f"{token.prefix}  {client.name}  {client.account.username}  {access}  {','.join(client.modules)}  "
                    f"tot {token.expires_at:%Y-%m-%d}  {state}  {used}"
                )
            return 0
        if args.action == "revoke":
            token = ApiToken.objects.filter(prefix=args.prefix).first()
            if token is None:
                raise CliError(f"geen API-sleutel met voorvoegsel {args.prefix!r} (zie 'meent token list')")
            services.revoke_token(token)
            print(f"API-sleutel {token.prefix} van {token.client.name} ingetrokken.")
            return 0
        try:
            client = MachineClient.objects.filter(name=args.name).first()
            if client is None:
                account = Account.objects.filter(username=args.account or "").first()
                if account is None:
                    raise CliError(
                        f"--account: geen account {args.account!r}"
                        if args.account
                        else "--account GEBRUIKER is nodig voor een nieuwe machineclient"
                    )
                modules = [m.strip() for m in (args.modules or "").split(",") if m.strip()]
                client = services.create_machine_client(
                    by=None, name=args.name, account=account, modules=modules, can_write=args.write
                )
            elif args.account or args.modules or args.write:
                raise CliError(
                    f"machineclient {args.name!r} bestaat al; "
                    "--account, --modules en --write gelden alleen bij een nieuwe"
                )
            token, key = services.issue_token(client, by=None, days=args.days)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    print(f"API-sleutel voor {client.name} (alleen nu zichtbaar, geldig tot {token.expires_at:%Y-%m-%d}):")
    print(key)
    return 0


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (zie '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="meent", description="Meent: het platform van de vereniging van gemeenten.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")

    def add_serve_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        p.add_argument("--port", type=int, default=None, help="poort (standaard $PORT of 8000)")
        p.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
        p.add_argument("--reload", action="store_true", help="herstart bij codewijzigingen (ontwikkeling)")
        p.add_argument("--no-worker", action="store_true", help="zonder taakverwerker (die verstuurt de mail)")

    demo = sub.add_parser("demo", help="database inrichten, demogegevens laden en starten")
    add_serve_options(demo)
    demo.add_argument("--no-serve", action="store_true", help="alleen inrichten en laden, niet starten")
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="de webserver starten (gunicorn)")
    add_serve_options(serve)
    serve.set_defaults(func=cmd_serve)

    imp = sub.add_parser("import", help="referentiegegevens importeren")
    imp_sub = imp.add_subparsers(dest="kind", required=True, metavar="SOORT")
    gem = imp_sub.add_parser("gemeenten", help="CBS-lijst 'Gemeenten alfabetisch' (CSV)")
    gem.add_argument("file", metavar="BESTAND")
    gem.add_argument("--geldig-van", help="ingangsdatum voor nieuwe gemeenten (JJJJ-MM-DD)")
    gem.set_defaults(func=cmd_import)
    for name, help_text in (
        ("benchmark", "open data voor Waar staat je gemeente (generiek CSV, CBS StatLine, RIVM, NICE)"),
        ("rivm", "RIVM COVID-19 aantallen per gemeente, cumulatief (CSV)"),
    ):
        bench = imp_sub.add_parser(name, help=help_text)
        if name == "benchmark":
            bench.add_argument(
                "--soort",
                default="generiek",
                choices=["generiek", "cbs-json", "cbs-csv", "rioolwater", "nice", "rivm"],
                help="bestandsformaat (standaard generiek: indicator,gebied,periode,waarde)",
            )
        bench.add_argument("file", metavar="BESTAND", nargs="?")
        bench.add_argument("--online", action="store_true", help="eerst het actuele bestand van de bron ophalen")
        bench.add_argument("--bron", default="", help="bronsleutel; opnieuw importeren vervangt deze bron")
        bench.add_argument("--tabel", default="", help="CBS-tabelcode, zoals 83765NED")
        bench.add_argument("--thema", default="overig", help="thema van nieuwe CBS-indicatoren")
        bench.set_defaults(func=cmd_import_benchmark)

    report = sub.add_parser("jaarverslag", help="jaarverslag als PDF en kerncijfers als CSV schrijven")
    report.add_argument("jaar", type=int, metavar="JAAR")
    report.add_argument("--pdf", metavar="BESTAND", help="het jaarverslag als PDF")
    report.add_argument("--csv", metavar="BESTAND", help="de kerncijfers met definities als CSV")
    report.set_defaults(func=cmd_jaarverslag)

    manage = sub.add_parser("manage", help="Django-beheeropdracht uitvoeren", add_help=False)
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)

    token = sub.add_parser("token", help="API-sleutels van machineclients aanmaken, intrekken, tonen")
    token_sub = token.add_subparsers(dest="action", required=True, metavar="ACTIE")
    create = token_sub.add_parser("create", help="nieuwe API-sleutel (en zo nodig nieuwe machineclient)")
    create.add_argument("name", metavar="CLIENTNAAM")
    create.add_argument("--account", help="account namens wie de nieuwe client handelt")
    create.add_argument(
        "--modules",
        help="komma-gescheiden: leden,connect,ibd,benchmark,inkoop,naleving,risicobeheer,international,jaarverslag",
    )
    create.add_argument("--write", action="store_true", help="mag ook schrijven (standaard alleen lezen)")
    create.add_argument("--days", type=int, default=90, help="geldigheid in dagen (standaard 90, hoogstens 366)")
    revoke = token_sub.add_parser("revoke", help="API-sleutel intrekken")
    revoke.add_argument("prefix", metavar="VOORVOEGSEL")
    token_sub.add_parser("list", help="alle API-sleutels tonen (nooit de sleutels zelf)")
    token.set_defaults(func=cmd_token)

    otp = sub.add_parser("otp", help="huidige tweestapscode van een demo-account tonen")
    otp.add_argument("username", metavar="GEBRUIKER")
    otp.set_defaults(func=cmd_otp)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return args.func(args)
    except CliError as exc:
        print(f"meent: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
