//! Writing output files: each one atomically (temporary file, then rename), all of a run's files
//! in full before any is put in place, never over an existing file unless the user asked for it
//! with `--force`, and no temporary file left behind when the run is interrupted.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::Error;

/// One file to write: its name inside the output folder and its bytes.
pub struct OutputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Temporary files written but not yet put in place: removed if the run is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On Ctrl-C or a termination signal: remove the temporary files of this run, then stop with the
/// shell's code for an interrupted command (130).
pub fn clean_up_when_interrupted() {
    let installed = ctrlc::set_handler(|| {
        if let Ok(pending) = PENDING.lock() {
            for path in pending.iter() {
                let _ = std::fs::remove_file(path);
            }
        }
        eprintln!("interrupted: nothing was written");
        std::process::exit(130);
    });
    if let Err(error) = installed {
        eprintln!("warning: an interruption may leave a .kravgen-* temporary file: {error}");
    }
}

/// Writes `bytes` to `path`, which must not exist yet (`kravgen init`'s starter profile).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if path.exists() {
        return Err(Error::Usage(format!(
            "error: {} exists already; kravgen init never overwrites a file\n  \
             = hint: give another path, e.g. `kravgen init new-profile.yaml`",
            path.display()
        )));
    }
    let folder = folder_of(path);
    if !folder.is_dir() {
        return Err(missing_folder(folder));
    }

    let temporary = temporary_beside(path, bytes)?;
    let result = temporary.persist_noclobber(path);
    forget_pending();
    result.map_err(|error| write_error(path, &error.error))?;
    Ok(())
}

/// Writes every file into `dir` (created when missing). Without `force`, nothing is written when
/// any of the files exists already. Returns the paths written, in order.
pub fn write_all(dir: &Path, files: &[OutputFile], force: bool) -> Result<Vec<PathBuf>, Error> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Usage(format!(
            "error: {} is a file, not a folder\n  = hint: give -o a folder to write the documents into",
            dir.display()
        )));
    }
    let paths: Vec<PathBuf> = files.iter().map(|file| dir.join(&file.name)).collect();
    check_targets(&paths, force)?;
    std::fs::create_dir_all(dir).map_err(|source| write_error(dir, &source))?;

    // Every file is written in full beside its target before any target is replaced, so a full
    // disk or a missing permission leaves the folder as it was.
    let temporaries = files
        .iter()
        .zip(&paths)
        .map(|(file, path)| temporary_beside(path, &file.bytes))
        .collect::<Result<Vec<_>, Error>>();
    let persisted = temporaries.and_then(|temporaries| {
        for (temporary, path) in temporaries.into_iter().zip(&paths) {
            temporary
                .persist(path)
                .map_err(|error| write_error(path, &error.error))?;
        }
        Ok(())
    });
    forget_pending();
    persisted.map(|()| paths)
}

/// Refuses existing files without `force`, and folders in the way of a file always.
fn check_targets(paths: &[PathBuf], force: bool) -> Result<(), Error> {
    if let Some(folder) = paths.iter().find(|p| p.is_dir()) {
        return Err(Error::Usage(format!(
            "error: {} is a folder, so the file of that name cannot be written",
            folder.display()
        )));
    }
    let existing: Vec<PathBuf> = paths.iter().filter(|p| p.exists()).cloned().collect();
    match force || existing.is_empty() {
        true => Ok(()),
        false => Err(refusal(&existing)),
    }
}

/// A temporary file in the target's folder (so the rename stays on one file system).
fn temporary_beside(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let failed = |source: std::io::Error| write_error(path, &source);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kravgen-");
    // Documents are shared files: the user's umask decides, as for any new file (not 0600).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));

    let mut temporary = builder.tempfile_in(folder_of(path)).map_err(failed)?;
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(temporary.path().to_path_buf());
    }
    temporary.write_all(bytes).map_err(failed)?;
    temporary.as_file().sync_all().map_err(failed)?;
    Ok(temporary)
}

fn forget_pending() {
    if let Ok(mut pending) = PENDING.lock() {
        pending.clear();
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The failure in words, without the temporary file's name that the I/O error may carry.
fn write_error(path: &Path, source: &std::io::Error) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::from(source.kind()),
    }
}

fn missing_folder(folder: &Path) -> Error {
    Error::Usage(format!(
        "error: the folder {} does not exist\n  = hint: create it first, or give a path in an existing folder",
        folder.display()
    ))
}

fn refusal(existing: &[PathBuf]) -> Error {
    let names: Vec<String> = existing
        .iter()
        .map(|p| format!("  {}", p.display()))
        .collect();
    let noun = if existing.len() == 1 {
        "this file exists"
    } else {
        "these files exist"
    };
    Error::Usage(format!(
        "error: {noun} already and would be overwritten:\n{}\n  = hint: choose another folder with -o, remove them, or pass --force to replace them",
        names.join("\n")
    ))
}
