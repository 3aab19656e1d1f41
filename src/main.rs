use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match postlint::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage
            // errors to stderr; usage errors exit 2 like every other error.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(postlint::app::EXIT_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    postlint::app::run(cli)
}
