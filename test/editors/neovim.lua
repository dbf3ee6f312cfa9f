-- Drives real Neovim (0.7+) headless against the normref language server, the way a user's config
-- would: vim.lsp.start_client + vim.lsp.buf_attach_client (see docs/editors.md), then asks for a
-- hover, document links and a completion, and writes what came back as JSON.
--
-- Run by test/editors/neovim.test.ts:
--   PATH=<dir with normref-language-server>:$PATH NORMREF_FILE=<policy.md> NORMREF_OUT=<result.json> \
--   NORMREF_HOVER_LINE=<0-based> NORMREF_HOVER_CHAR=<0-based> \
--   nvim --headless -u NONE -i NONE -c 'luafile test/editors/neovim.lua'
-- Always exits (0 when the script ran to the end, 1 on a Lua error, whose message is in the JSON).

local TIMEOUT = 15000
local out = { steps = {} }

local function step(name) table.insert(out.steps, name) end

local function write_out()
  local f = assert(io.open(os.getenv('NORMREF_OUT'), 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
end

-- Text of a hover result: MarkupContent, MarkedString or MarkedString[].
local function hover_text(contents)
  if type(contents) == 'string' then return contents end
  if contents.value then return contents.value end
  local parts = {}
  for _, c in ipairs(contents) do table.insert(parts, type(c) == 'string' and c or c.value) end
  return table.concat(parts, '\n')
end

-- The one client's answer from vim.lsp.buf_request_sync, or an error.
local function request(bufnr, client_id, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  if not responses then error(method .. ': ' .. tostring(err)) end
  local response = responses[client_id]
  if not response then error(method .. ': no response from the normref client') end
  if response.error or response.err then
    error(method .. ': ' .. vim.inspect(response.error or response.err))
  end
  return response.result
end

local function main()
  vim.lsp.set_log_level('debug') -- <stdpath('cache')>/lsp.log, read by the test on failure
  out.nvim = vim.version()

  vim.cmd('filetype on') -- what any user config has; -u NONE leaves it off

  -- >>> The setup documented in docs/editors.md (Neovim 0.7+), verbatim. >>>
  local normref_client
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'markdown', 'text' },
    callback = function(args)
      if not normref_client or vim.lsp.client_is_stopped(normref_client) then
        normref_client = vim.lsp.start_client({
          name = 'normref',
          cmd = { 'normref-language-server', '--stdio' },
          root_dir = vim.fn.getcwd(),
          on_exit = function(code, signal) out.exit = { code = code, signal = signal } end, -- test only
        })
      end
      vim.lsp.buf_attach_client(args.buf, normref_client)
    end,
  })
  -- <<< end of the documented setup <<<

  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('NORMREF_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[bufnr].filetype
  local client_id = normref_client
  if not client_id then error('the FileType autocmd did not start the client (filetype: ' .. out.filetype .. ')') end
  if not vim.lsp.buf_is_attached(bufnr, client_id) then error('the buffer is not attached to the normref client') end
  step('started')

  vim.wait(TIMEOUT, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return out.exit ~= nil or (client ~= nil and client.initialized == true)
  end, 20)
  if out.exit then error('the server exited during initialize: ' .. vim.inspect(out.exit)) end
  local client = vim.lsp.get_client_by_id(client_id)
  if not (client and client.initialized) then error('the server did not finish initialize within ' .. TIMEOUT .. ' ms') end
  step('initialized')

  local uri = vim.uri_from_bufnr(bufnr)
  local position = { line = tonumber(os.getenv('NORMREF_HOVER_LINE')), character = tonumber(os.getenv('NORMREF_HOVER_CHAR')) }
  local hover = request(bufnr, client_id, 'textDocument/hover', { textDocument = { uri = uri }, position = position })
  out.hover = hover and hover ~= vim.NIL and hover_text(hover.contents) or vim.NIL
  step('hover')

  local links = request(bufnr, client_id, 'textDocument/documentLink', { textDocument = { uri = uri } })
  out.links = {}
  for _, link in ipairs(links ~= vim.NIL and links or {}) do table.insert(out.links, link.target) end
  step('links')

  -- Type at the end of the buffer like a user would: the edit reaches the server as didChange.
  local last = vim.api.nvim_buf_line_count(bufnr)
  local typed = 'Planned: ISO/IEC 2700'
  vim.api.nvim_buf_set_lines(bufnr, last, last, false, { typed })
  local completion = request(bufnr, client_id, 'textDocument/completion', {
    textDocument = { uri = uri },
    position = { line = last, character = #typed },
  })
  local items = completion ~= vim.NIL and (completion.items or completion) or {}
  out.completion = {}
  for _, item in ipairs(items) do table.insert(out.completion, item.label) end
  step('completion')

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
  out.stopped = vim.lsp.client_is_stopped(client_id)
  step('stopped')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then out.error = tostring(err) end
local wrote, werr = pcall(write_out)
if not wrote then io.stderr:write('could not write NORMREF_OUT: ' .. tostring(werr) .. '\n') end
vim.cmd(ok and wrote and 'qall!' or 'cquit 1')
