// A test-only way to stop the process at a chosen point, as a power cut or kill -9 would:
// TEBIKI_TEST_CRASH=after_local_commit (a save is committed locally, not yet delivered) or
// after_server_commit (the server has applied an operation, the outbox still holds it).
#pragma once

namespace tebiki {

// _exit(3) when TEBIKI_TEST_CRASH names `point`; nothing otherwise.
void crash_here_for_tests(const char* point);

}  // namespace tebiki
