//! What widgets ask for. Widgets only change the draft and push commands; the app applies
//! them after the frame is drawn, so no widget does file, network or decoding work.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    New,
    /// Open a template with the file dialog.
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// Save into the template library under this name (when no file dialog can be shown).
    SaveToLibrary(String),
    Undo,
    Redo,
    TogglePreviewTheme,
    /// Fold the phone preview away, or show it again (remembered in settings).
    TogglePreview,
    /// Put the request the Send tab would send on the clipboard in this shape.
    CopyAs(crate::export::Format),
    /// Pick a local image for the preview of this media URL.
    Attach {
        url: String,
    },
    /// Use this local file for the preview of this media URL (drag and drop).
    AttachPath {
        url: String,
        path: PathBuf,
    },
    Detach {
        url: String,
    },
    LibraryRefresh,
    LibraryDuplicate(PathBuf),
    LibraryRename {
        from: PathBuf,
        to_name: String,
    },
    LibraryDelete(PathBuf),
    /// Bring the field at this path into view and focus it.
    Jump(String),
    RecoverAutosave,
    DiscardAutosave,
    /// Close the window (after the unsaved-changes guard).
    Quit,
    SetConnection(crate::aws::Connection),
    /// Keep a test recipient in settings (and choose it).
    AddRecipient(String),
    RemoveRecipient(String),
    ChooseRecipient(String),
    /// Write the chosen recipient into the template's `DestinationPhoneNumber`.
    DestinationIntoTemplate,
    DryRun,
    /// Ask for confirmation of a real send.
    Send,
    /// The user confirmed the real send.
    ConfirmedSend,
    /// Run an RCS account request.
    Account(crate::ui::workers::net::AccountOp),
    /// Ask before running an account request that deletes or resets something.
    ConfirmAccount {
        title: String,
        text: String,
        op: crate::ui::workers::net::AccountOp,
    },
    /// Show or hide the RCS account window.
    ToggleAccount,
    /// Send from this agent on the active connection (kept in settings, not in the template).
    SetOrigination(String),
    /// Open the brand profile window for the current origination.
    EditBrand,
    /// Choose the brand's logo with the file dialog.
    PickBrandLogo,
    /// Keep this brand profile for this origination identity.
    SaveBrand {
        origination: String,
        profile: crate::ui::brand::BrandProfile,
    },
    /// Remove the brand profile kept for this origination identity.
    ForgetBrand(String),
    /// Forget the agent chosen for the active connection: the template's own is used again.
    UseTemplateOrigination,
    /// Write the chosen agent into the template's `OriginationIdentity`.
    OriginationIntoTemplate,
    /// Choose an audience file with the file dialog.
    OpenAudience,
    /// Read and check this audience file (dropped, picked or scripted).
    LoadAudience(PathBuf),
    CloseAudience,
    /// Use this column as the recipients' phone numbers (the rows are checked again).
    SetPhoneColumn(String),
    /// Show this audience row (1-based) in the preview.
    GoToRow(u64),
    /// Show the next audience row that does not pass the checks.
    NextProblemRow,
    /// Show a row with a problem and focus the field it concerns.
    ShowRowProblem {
        row: u64,
        path: String,
    },
    /// Run the campaign over the audience: a dry run at once, a real send after the typed
    /// confirmation.
    CampaignRun(crate::campaign::run::Mode),
    /// The user typed the number of recipients and confirmed the real send.
    CampaignConfirmed,
    /// Stop the running campaign (or drop the one waiting for confirmation).
    CampaignCancel,
    /// A sample value for a placeholder of this template (kept in settings).
    SetSample {
        name: String,
        value: String,
    },
}
