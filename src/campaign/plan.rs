//! [`Plan::prepare`]: the checks that come before reading any row, and the defaults.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::audience::Audience;
use super::journal;
use super::run::{Confirmation, Mode, Options, Plan, RunError, TemplateSource, Totals};
use crate::rcs::codec;
use crate::rcs::issue::has_errors;
use crate::rcs::personalise::column_issues;
use crate::rcs::validate::{self, validate};
use crate::templates;

pub(super) fn prepare(options: Options) -> Result<Plan, RunError> {
    let (mut template, template_sha256) = load_template(options.template)?;
    let audience = Audience::open(&options.audience, options.phone_column.as_deref())?;
    let report = options
        .report
        .unwrap_or_else(|| default_report(&options.audience, options.mode));
    let journal_path = (options.mode != Mode::CheckOnly)
        .then(|| options.journal.unwrap_or_else(|| default_journal(&report)));
    // The journal's header, when resuming: its origination is the campaign's unless the
    // caller names one.
    let header = match &journal_path {
        Some(path) => journal_header(path, options.resume)?,
        None => None,
    };
    let origination = options
        .origination
        .filter(|o| !o.is_empty())
        .or_else(|| header.as_ref().and_then(|h| h.origination.clone()))
        .or_else(|| template.origination_identity.clone())
        .filter(|o| !o.is_empty());
    if options.mode != Mode::CheckOnly && origination.is_none() {
        return Err(RunError::NoOrigination);
    }
    // Each row's phone is its destination; the template's own is not a recipient.
    template.destination_phone_number = None;
    template.origination_identity.clone_from(&origination);
    template.dry_run = (options.mode == Mode::DryRun).then_some(true);

    let issues = validate(&template, validate::Mode::Template);
    if has_errors(&issues) {
        return Err(RunError::Template(issues));
    }
    let columns = column_issues(&template, &audience.columns);
    if !columns.is_empty() {
        return Err(RunError::Columns(columns));
    }
    let audience_sha256 = match &journal_path {
        Some(_) => Some(sha256_file(&audience.path)?),
        None => None,
    };
    if let (Some(h), Some(path), Some(audience_sha256)) = (&header, &journal_path, &audience_sha256)
    {
        let expected = journal::Header::new(
            &template_sha256,
            audience_sha256,
            options.mode,
            origination.as_deref(),
        );
        h.matches(&expected)
            .map_err(|why| RunError::Journal(format!("{}: {why}", path.display())))?;
    }
    Ok(Plan {
        mode: options.mode,
        template,
        template_sha256,
        audience_sha256,
        warnings: issues,
        audience,
        origination,
        report,
        journal: journal_path,
        resume: options.resume,
        resend_unknown: options.resume && options.resend_unknown,
        rate: options.rate,
    })
}

/// The template and the SHA-256 the journal records for it.
fn load_template(
    source: TemplateSource,
) -> Result<(crate::rcs::model::SendRcsMessageRequest, String), RunError> {
    match source {
        TemplateSource::File(path) => {
            let text = templates::read_text(&path).map_err(|i| RunError::Template(vec![i]))?;
            let request =
                templates::parse_for_editing(&text).map_err(|e| RunError::Template(e.issues))?;
            Ok((request, hex(&Sha256::digest(text.as_bytes()))))
        }
        TemplateSource::Draft(request) => {
            let text = codec::to_pretty_json(&request);
            Ok((*request, hex(&Sha256::digest(text.as_bytes()))))
        }
    }
}

/// `customers.csv` → `customers.dry-run-report.csv` in the same folder.
fn default_report(audience: &Path, mode: Mode) -> PathBuf {
    let stem = audience
        .file_stem()
        .map_or_else(|| "audience".into(), |s| s.to_string_lossy().into_owned());
    audience.with_file_name(format!("{stem}.{}-report.csv", mode.as_str()))
}

/// `report.csv` → `report.csv.journal`.
fn default_journal(report: &Path) -> PathBuf {
    let mut name = report.as_os_str().to_owned();
    name.push(".journal");
    PathBuf::from(name)
}

/// Refuses an existing journal without `resume` and a missing one with it; returns the
/// header to resume from.
fn journal_header(path: &Path, resume: bool) -> Result<Option<journal::Header>, RunError> {
    let header = journal::read_header(path).map_err(|e| match e {
        journal::HeaderError::Io(e) => RunError::Io(path.to_owned(), e),
        journal::HeaderError::NotAJournal(why) => {
            RunError::Journal(format!("{}: not a campaign journal: {why}", path.display()))
        }
    })?;
    let records = || journal::has_records(path).map_err(|e| RunError::Io(path.to_owned(), e));
    match (header, resume) {
        (None, false) => Ok(None),
        // Its header alone: nothing was sent with it; a new run takes its place.
        (Some(_), false) if !records()? => Ok(None),
        (Some(_), false) => Err(RunError::Journal(format!(
            "{}: a journal of an earlier run is there; use --resume to continue that campaign, or another --journal",
            path.display()
        ))),
        (None, true) => Err(RunError::Journal(format!(
            "{}: no journal to resume from (nothing was sent with it); run without --resume",
            path.display()
        ))),
        (Some(h), true) => Ok(Some(h)),
    }
}

pub(super) fn sha256_file(path: &Path) -> Result<String, RunError> {
    let io = |e| RunError::Io(path.to_owned(), e);
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 256 * 1024];
    loop {
        match std::io::Read::read(&mut file, &mut buffer) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io(e)),
        }
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

pub(super) fn confirmation(plan: &Plan, totals: &Totals) -> Confirmation {
    let t = &plan.template;
    let fallback = t.fallback_configuration.as_ref().map_or_else(
        || "none".to_owned(),
        |f| {
            let channel = f.channel.as_deref().unwrap_or("SMS");
            match f.origination_identity.as_deref() {
                Some(o) => format!("{channel} from {o}"),
                None => channel.to_owned(),
            }
        },
    );
    Confirmation {
        mode: plan.mode,
        recipients: totals.to_send,
        origination: plan.origination.clone().unwrap_or_default(),
        fallback,
        max_price: t.max_price.clone().unwrap_or_else(|| "not set".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_paths_sit_beside_the_audience() {
        let report = default_report(Path::new("/data/customers.csv"), Mode::DryRun);
        assert_eq!(report, Path::new("/data/customers.dry-run-report.csv"));
        assert_eq!(
            default_journal(&report),
            Path::new("/data/customers.dry-run-report.csv.journal")
        );
        assert_eq!(
            default_report(Path::new("list"), Mode::Send),
            Path::new("list.send-report.csv")
        );
    }

    #[test]
    fn hashes_are_lowercase_hex() {
        assert_eq!(
            hex(&Sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
