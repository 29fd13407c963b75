"""``auditor models``: list, install and remove translation models (a thin layer over
`auditor.models`). Nothing heavy is imported until a command runs."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor.cli.safe import shown

if TYPE_CHECKING:
    from auditor.translation.packages import InstalledModel

EXIT_FAILED = 1

models_app = typer.Typer(
    name="models",
    help="List, install and remove the offline translation models (Argos Translate packages).\n\n"
    "Example: auditor models install translate-tr_en-1_9.argosmodel",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

ModelsDirOption = Annotated[
    Path | None,
    typer.Option(
        "--models-dir",
        help="Folder of installed packages (default: argostranslate's own packages folder).",
        envvar="AUDITOR_MODELS_DIR",
        show_default=False,
    ),
]


def format_size(size_bytes: int) -> str:
    """size_bytes as a short human-readable size, e.g. ``305 KB`` or ``92.4 MB``."""
    size = float(size_bytes)
    for unit in ("B", "KB", "MB"):
        if size < 1000:
            return f"{size:.0f} {unit}" if unit != "MB" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.2f} GB"


def _describe(model: "InstalledModel") -> str:
    """One line naming an installed model."""
    return (
        f"{model.model_id} ({model.from_code} → {model.to_code}, {format_size(model.size_bytes)})"
    )


def _fail(message: str) -> typer.Exit:
    """Print message on stderr and return the exit to raise."""
    typer.echo(shown(f"auditor: {message}"), err=True)
    return typer.Exit(EXIT_FAILED)


@models_app.command("list")
def list_models(models_dir: ModelsDirOption = None) -> None:
    """List the installed translation models with their languages, version, size and folder.

    Example: auditor models list --models-dir ~/argos-packages
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from auditor.translation.packages import installed_models, resolve_models_dir

    folder = resolve_models_dir(models_dir)
    models = installed_models(folder)
    if not models:
        typer.echo(
            shown(
                f"no translation models installed in {folder}; "
                "install one with: auditor models install FILE.argosmodel"
            )
        )
        return
    table = Table(title=f"translation models in {escape(shown(str(folder)))}")
    for column in ("from", "to", "name", "version", "size", "path"):
        table.add_column(
            column,
            justify="right" if column == "size" else "left",
            overflow="fold",  # a truncated path is of no use
        )
    for model in models:
        table.add_row(
            *(
                escape(shown(value))
                for value in (
                    model.from_code,
                    model.to_code,
                    model.name,
                    model.version,
                    format_size(model.size_bytes),
                    str(model.path),
                )
            )
        )
    Console().print(table)


@models_app.command("install")
def install(
    source: Annotated[
        str,
        typer.Argument(
            help="An .argosmodel file, or with --download the language to translate from.",
            metavar="FILE|FROM",
            show_default=False,
        ),
    ],
    to_code: Annotated[
        str | None,
        typer.Argument(
            help="With --download: the language to translate to.", metavar="TO", show_default=False
        ),
    ] = None,
    download: Annotated[
        bool,
        typer.Option(
            "--download",
            help="Fetch the package from the Argos package index (the only use of the network).",
        ),
    ] = False,
    models_dir: ModelsDirOption = None,
) -> None:
    """Install a translation model from an .argosmodel file (offline), or download one.

    Example: auditor models install translate-tr_en-1_9.argosmodel
    Example: auditor models install tr en --download

    The file is validated first; it replaces an installed package of the same language pair.
    """
    if download and to_code is None:
        raise typer.BadParameter(
            "with --download give two language codes, e.g. `auditor models install tr en "
            "--download`",
            param_hint="TO_CODE",
        )
    if not download and to_code is not None:
        raise typer.BadParameter(
            "two language codes need --download; to install from a file give only its path",
            param_hint="--download",
        )
    from auditor.translation.packages import ModelError, install_from_file, resolve_models_dir

    folder = resolve_models_dir(models_dir)
    try:
        if download:
            from auditor.translation.download import install_download

            assert to_code is not None
            model = install_download(source, to_code, folder)
        else:
            model = install_from_file(Path(source).expanduser(), folder)
    except ModelError as exc:
        raise _fail(f"cannot install: {exc}") from exc
    typer.echo(shown(f"installed {_describe(model)} in {model.path}"))


@models_app.command("remove")
def remove(
    from_code: Annotated[
        str,
        typer.Argument(
            help="Language the model translates from, e.g. tr.", metavar="FROM", show_default=False
        ),
    ],
    to_code: Annotated[
        str,
        typer.Argument(
            help="Language the model translates to, e.g. en.", metavar="TO", show_default=False
        ),
    ],
    models_dir: ModelsDirOption = None,
) -> None:
    """Remove the installed FROM→TO translation model.

    Example: auditor models remove tr en
    """
    from auditor.translation.packages import ModelError, remove_model, resolve_models_dir

    folder = resolve_models_dir(models_dir)
    try:
        model = remove_model(folder, from_code, to_code)
    except ModelError as exc:
        raise _fail(f"cannot remove: {exc}") from exc
    typer.echo(shown(f"removed {_describe(model)} from {folder}"))
