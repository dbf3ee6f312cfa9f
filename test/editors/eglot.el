;;; eglot.el --- drive real Emacs + eglot against the normref language server  -*- lexical-binding: t -*-

;; Run by test/editors/emacs.test.ts:
;;   HOME=<tmp> PATH=<dir with normref-language-server>:$PATH NORMREF_FILE=<policy.md> \
;;   NORMREF_OUT=<result.json> NORMREF_LOG=<events.log> NORMREF_HOVER_LINE=<1-based> \
;;   NORMREF_HOVER_COLUMN=<0-based> emacs --batch -l test/editors/eglot.el
;; Uses the configuration documented in docs/editors.md verbatim (the `eglot-server-programs' entry
;; and `eglot-ensure' on `markdown-mode-hook'), opens the policy, asks for a hover, document links
;; and a completion, and writes what came back as JSON.  Exits 0 when it ran to the end, 1 otherwise
;; (the error is in the JSON too).

(package-initialize)
(require 'eglot)
(require 'json)

(defvar normref-out nil "Alist written to NORMREF_OUT.")
(defun normref-note (key value) (push (cons key value) normref-out))

(defun normref-write-out ()
  (with-temp-file (getenv "NORMREF_OUT")
    (insert (let ((json-encoding-pretty-print nil)) (json-encode normref-out)))))

(defun normref-hover-text (contents)
  "Text of a hover's CONTENTS: MarkupContent, MarkedString or a vector of them."
  (cond ((stringp contents) contents)
        ((vectorp contents) (mapconcat #'normref-hover-text contents "\n"))
        (t (plist-get contents :value))))

(defun normref-main ()
  (setq eglot-sync-connect 30          ; wait for `initialize' before going on
        eglot-connect-timeout 30
        eglot-autoshutdown nil)
  ;; markdown-mode is a separate package (Debian: elpa-markdown-mode); when it is not installed,
  ;; stand in for it so that the documented entry below is what gets exercised.
  (unless (fboundp 'markdown-mode)
    (define-derived-mode markdown-mode text-mode "Markdown")
    (normref-note 'markdownMode "stub"))
  (add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))

  ;; --- The configuration from docs/editors.md ---
  (with-eval-after-load 'eglot
    (add-to-list 'eglot-server-programs
                 '((markdown-mode text-mode) . ("normref-language-server" "--stdio"))))
  (add-hook 'markdown-mode-hook #'eglot-ensure)
  ;; ---

  (find-file (getenv "NORMREF_FILE"))
  (normref-note 'majorMode (symbol-name major-mode))
  ;; `eglot-ensure' connects from `post-command-hook', which batch mode never runs by itself.
  (run-hooks 'post-command-hook)
  (let ((server (eglot-current-server)))
    (unless server (error "eglot did not connect (see the events buffer in the log)"))
    (unless eglot--managed-mode (error "the buffer is not managed by eglot"))
    (normref-note 'languageId (eglot--language-id server))
    (normref-note 'serverName (plist-get (eglot--server-info server) :name))

    ;; Hover inside the reference.
    (goto-char (point-min))
    (forward-line (1- (string-to-number (getenv "NORMREF_HOVER_LINE"))))
    (forward-char (string-to-number (getenv "NORMREF_HOVER_COLUMN")))
    (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
      (normref-note 'hover (and hover (normref-hover-text (plist-get hover :contents)))))

    ;; Document links.
    (let ((links (jsonrpc-request server :textDocument/documentLink
                                  `(:textDocument ,(eglot--TextDocumentIdentifier)))))
      (normref-note 'links (vconcat (mapcar (lambda (l) (plist-get l :target)) links))))

    ;; Type at the end of the buffer; the edit reaches the server as didChange.
    (goto-char (point-max))
    (unless (bolp) (insert "\n"))
    (insert "Planned: ISO/IEC 2700")
    (eglot--signal-textDocument/didChange)
    (let* ((completion (jsonrpc-request server :textDocument/completion
                                        (eglot--CompletionParams)))
           (items (if (vectorp completion) completion (plist-get completion :items))))
      (normref-note 'completion (vconcat (mapcar (lambda (i) (plist-get i :label)) items))))
    (set-buffer-modified-p nil)

    (eglot-shutdown server nil nil t) ; keep the events buffer for NORMREF_LOG
    (normref-note 'stopped (not (jsonrpc-running-p server)))))

(defun normref-write-log ()
  "Write eglot's events and stderr buffers (JSON-RPC traffic, server stderr) to NORMREF_LOG."
  (let ((buffers (cl-remove-if-not (lambda (b) (string-match-p "EGLOT" (buffer-name b))) (buffer-list))))
    (with-temp-file (getenv "NORMREF_LOG")
      (dolist (buffer buffers)
        (insert "=== " (buffer-name buffer) "\n")
        (insert-buffer-substring buffer))
      (unless buffers (insert "(no eglot buffers)\n")))))

(let ((ok (condition-case err
              (progn (normref-main) t)
            (error (normref-note 'error (error-message-string err)) nil))))
  (unless ok (ignore-errors (accept-process-output nil 0.5))) ; let a dead server's stderr arrive
  (ignore-errors (normref-write-log))
  (normref-write-out)
  (kill-emacs (if ok 0 1)))
