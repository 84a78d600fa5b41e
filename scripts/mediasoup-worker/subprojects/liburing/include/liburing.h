/*
 * liburing 2.4 helpers on top of Debian 12's liburing 2.3.
 *
 * The mediasoup worker calls io_uring_prep_sendto(), io_uring_major_version()
 * and io_uring_minor_version(), which appeared in liburing 2.4 together with
 * <liburing/io_uring_version.h> (IO_URING_VERSION_MAJOR). This header shadows
 * <liburing.h> (the shim subproject puts this directory first on the include
 * path), pulls in the real one with #include_next and adds the helpers only
 * when the real library is older than 2.4.
 */
#ifndef MS_COMPAT_LIBURING_H
#define MS_COMPAT_LIBURING_H

#include_next <liburing.h>

#ifndef IO_URING_VERSION_MAJOR

#include <sys/socket.h>

#ifndef MS_COMPAT_LIBURING_MAJOR
#define MS_COMPAT_LIBURING_MAJOR 2
#endif
#ifndef MS_COMPAT_LIBURING_MINOR
#define MS_COMPAT_LIBURING_MINOR 3
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the liburing the worker was built against (passed in by the shim's meson.build). */
static inline int io_uring_major_version(void)
{
	return MS_COMPAT_LIBURING_MAJOR;
}

static inline int io_uring_minor_version(void)
{
	return MS_COMPAT_LIBURING_MINOR;
}

/* Same definition as liburing 2.4: a send with a destination address. */
static inline void io_uring_prep_sendto(
  struct io_uring_sqe* sqe,
  int sockfd,
  const void* buf,
  size_t len,
  int flags,
  const struct sockaddr* addr,
  socklen_t addrlen)
{
	io_uring_prep_send(sqe, sockfd, buf, len, flags);
	io_uring_prep_send_set_addr(sqe, addr, (__u16)addrlen);
}

#ifdef __cplusplus
}
#endif

#endif /* IO_URING_VERSION_MAJOR */

#endif /* MS_COMPAT_LIBURING_H */
