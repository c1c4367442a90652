-- chat_room.lua — a chat room: each user is a process, the room broadcasts.
--
--   build/lurel docs/examples/chat_room.lua
--
-- The room is a process that knows its members.  A user says something by
-- sending it to the room; the room sends the line to every member.  The room
-- monitors its members, so a user that crashes or is killed leaves the room
-- even though it never said goodbye.  The main process joins as a silent
-- listener and prints every line the room sends out, in order.

local _ = process._

-- ------------------------------------------------------------ the room

local function room()
  local members = {}          -- pid -> name
  local monitors = {}         -- pid -> monitor ref

  local function broadcast(from, text)
    for pid in pairs(members) do process.send(pid, {"line", from, text}) end
  end

  local function remove(pid, why)
    local name = members[pid]
    if not name then return end
    members[pid], monitors[pid] = nil, nil
    broadcast("*", name .. " left" .. (why and " (" .. why .. ")" or ""))
  end

  while true do
    local msg = process.receive()
    local kind = msg[1]
    if kind == "join" then                        -- {"join", pid, name}
      local pid, name = msg[2], msg[3]
      members[pid] = name
      monitors[pid] = process.monitor(pid)
      broadcast("*", name .. " joined")
    elseif kind == "say" and members[msg[2]] then  -- {"say", pid, text}
      broadcast(members[msg[2]], msg[3])
    elseif kind == "leave" then                    -- {"leave", pid}
      process.demonitor(monitors[msg[2]], true)
      remove(msg[2])
    elseif kind == "DOWN" then                     -- a member ended without leaving
      remove(msg[4], tostring(msg[5]))
    elseif kind == "who" then                      -- {"who", from, ref}
      local names = {}
      for _, name in pairs(members) do names[#names + 1] = name end
      table.sort(names)
      process.send(msg[2], {msg[3], names})
    end
  end
end

-- ------------------------------------------------------------ a user

-- A user joins the room, keeps a transcript of what it hears, and does what
-- its owner (here: the main process) tells it.  A bot user also answers
-- anyone who greets it.
local function user(room_pid, name, is_bot)
  local me = process.self()
  local transcript = {}
  process.send(room_pid, {"join", me, name})
  while true do
    local msg = process.receive()
    local kind = msg[1]
    if kind == "line" then                         -- {"line", from, text}
      local from, text = msg[2], msg[3]
      transcript[#transcript + 1] = from .. ": " .. text
      if is_bot and from ~= name and from ~= "*" and text:find("hello") then
        process.send(room_pid, {"say", me, "hello, " .. from .. "!"})
      end
    elseif kind == "say" then                      -- {"say", text}: say it
      process.send(room_pid, {"say", me, msg[2]})
    elseif kind == "transcript" then               -- {"transcript", from, ref}
      process.send(msg[2], {msg[3], transcript})
    elseif kind == "leave" then
      process.send(room_pid, {"leave", me})
      return
    elseif kind == "crash" then
      error("user " .. name .. " tripped over a cable", 0)
    end
  end
end

-- ------------------------------------------------------------ the story

local r = process.spawn(room)
local me = process.self()
process.send(r, {"join", me, "(listener)"})

-- Print the next n lines the room sends us; return them as "from: text".
local function hear(n)
  local lines = {}
  for i = 1, n do
    local msg = process.receive({"line", _, _}, 5000)
    assert(msg, "the room went quiet")
    lines[i] = msg[2] .. ": " .. msg[3]
    print("  " .. lines[i])
  end
  return lines
end

-- request/reply with a ref (see bank_account.lua)
local function ask(pid, what)
  local ref = process.make_ref()
  process.send(pid, {what, me, ref})
  return process.receive({ref, _})[2]
end

hear(1)                                            -- "(listener) joined"
local alice = process.spawn(user, r, "alice")
hear(1)
local bob = process.spawn(user, r, "bob")
hear(1)
local bot = process.spawn(user, r, "greeter", true)
hear(1)
print("members: " .. table.concat(ask(r, "who"), ", "))

process.send(alice, {"say", "hi everyone"})
hear(1)
process.send(bob, {"say", "hello world"})
local got = hear(2)                                -- bob's line, then the bot's answer
assert(got[2] == "greeter: hello, bob!")

-- bob leaves politely; alice crashes.  Either way the room notices.
process.send(bob, {"leave"})
hear(1)
process.send(alice, {"crash"})                    -- (a crash report goes to stderr)
got = hear(1)
assert(got[1] == "*: alice left (user alice tripped over a cable)")
-- (The room answers "who" only after it has finished sending that line to
-- every member, so the greeter has it too by the time we ask it below.)
print("members: " .. table.concat(ask(r, "who"), ", "))

-- What did the bot hear?  Everything since it joined, including itself.
local transcript = ask(bot, "transcript")
print("the greeter's transcript:")
for _, line in ipairs(transcript) do print("  | " .. line) end
assert(#transcript == 6 and transcript[1] == "*: greeter joined")
