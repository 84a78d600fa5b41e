/*
 * libsrtp 3 API on top of Debian's libsrtp2 (2.4/2.5).
 *
 * The mediasoup worker (3.19.x) is written against versatica's libsrtp 3 fork
 * and includes <srtp.h>. This header shadows it (the shim subproject puts this
 * directory first on the include path), includes the real libsrtp2 header and
 * adds, as C++ overloads, the few libsrtp 3 entry points the worker calls:
 *
 *   srtp_protect / srtp_protect_rtcp     (ctx, in, in_len, out, &out_len, mki_index)
 *   srtp_unprotect / srtp_unprotect_rtcp (ctx, in, in_len, out, &out_len)
 *   srtp_stream_remove                   (renamed srtp_remove_stream)
 *   srtp_err_status_buffer_small / srtp_err_status_cryptex_err (new error codes)
 *
 * Output-buffer pitfall: libsrtp 3 rejects a packet only when its *real*
 * trailer does not fit into *out_len. SRTP_MAX_TRAILER_LEN (144) includes 128
 * MKI bytes the worker never uses; checking against it would drop every
 * packet above ~1356 bytes that the worker encrypts into its 1500-byte
 * io_uring send buffers. Without MKI, libsrtp2 appends at most the auth tag
 * (<= SRTP_MAX_TAG_LEN = 16) to RTP, and the 4-byte SRTCP index plus the tag
 * to RTCP. Packets that might not fit that bound are encrypted into a scratch
 * buffer and accepted if the actual result fits (exactly what libsrtp 3 does).
 */
#ifndef MS_COMPAT_LIBSRTP3_SRTP_H
#define MS_COMPAT_LIBSRTP3_SRTP_H

#include <srtp2/srtp.h>

#ifdef __cplusplus

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

// Error codes libsrtp 3 added after libsrtp2's last one (srtp_err_status_pkt_idx_adv = 27).
constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
constexpr srtp_err_status_t srtp_err_status_cryptex_err  = static_cast<srtp_err_status_t>(29);

namespace ms_srtp_compat
{
	// Largest trailer libsrtp2 appends when no MKI is used (the worker never uses MKI).
	constexpr size_t MaxRtpTrailerLen{ SRTP_MAX_TAG_LEN };       // auth tag
	constexpr size_t MaxRtcpTrailerLen{ SRTP_MAX_TAG_LEN + 4u }; // E flag + SRTCP index, auth tag

	// Largest packet the slow (scratch buffer) path accepts.
	constexpr size_t MaxPacketLen{ 65536u };

	using InPlaceFn = srtp_err_status_t (*)(srtp_t, void*, int*);

	// libsrtp 3 style protect on top of an in-place libsrtp2 function.
	inline srtp_err_status_t Protect(
	  InPlaceFn fn,
	  size_t maxTrailerLen,
	  srtp_t ctx,
	  const uint8_t* in,
	  size_t inLen,
	  uint8_t* out,
	  size_t* outLen,
	  size_t mkiIndex)
	{
		if (!ctx || !in || !out || !outLen || mkiIndex != 0u)
			return srtp_err_status_bad_param;
		if (inLen > MaxPacketLen)
			return srtp_err_status_buffer_small;

		const size_t capacity = *outLen;

		// Fast path: the worst-case trailer fits, protect in place in the output buffer.
		if (capacity >= inLen + maxTrailerLen)
		{
			if (out != in)
				std::memmove(out, in, inLen);

			int len                     = static_cast<int>(inLen);
			const srtp_err_status_t err = fn(ctx, out, &len);

			if (err == srtp_err_status_ok)
				*outLen = static_cast<size_t>(len);

			return err;
		}

		// Near-capacity packet: protect into scratch space and keep it only if the
		// real result fits (e.g. a 1490-byte RTP packet + 10-byte HMAC-SHA1-80 tag
		// into a 1500-byte buffer).
		thread_local static uint8_t scratch[MaxPacketLen + SRTP_MAX_TRAILER_LEN + 4u];

		std::memcpy(scratch, in, inLen);

		int len                     = static_cast<int>(inLen);
		const srtp_err_status_t err = fn(ctx, scratch, &len);

		if (err != srtp_err_status_ok)
			return err;
		if (static_cast<size_t>(len) > capacity)
			return srtp_err_status_buffer_small;

		std::memcpy(out, scratch, static_cast<size_t>(len));
		*outLen = static_cast<size_t>(len);

		return srtp_err_status_ok;
	}

	// libsrtp 3 style unprotect on top of an in-place libsrtp2 function.
	inline srtp_err_status_t Unprotect(
	  InPlaceFn fn, srtp_t ctx, const uint8_t* in, size_t inLen, uint8_t* out, size_t* outLen)
	{
		if (!ctx || !in || !out || !outLen)
			return srtp_err_status_bad_param;
		if (inLen > static_cast<size_t>(INT_MAX))
			return srtp_err_status_bad_param;
		// The packet is copied whole before being verified/decrypted in place.
		if (out != in && *outLen < inLen)
			return srtp_err_status_buffer_small;

		if (out != in)
			std::memmove(out, in, inLen);

		int len                     = static_cast<int>(inLen);
		const srtp_err_status_t err = fn(ctx, out, &len);

		if (err == srtp_err_status_ok)
			*outLen = static_cast<size_t>(len);

		return err;
	}
} // namespace ms_srtp_compat

inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtpLen, uint8_t* srtp, size_t* srtpLen, size_t mkiIndex)
{
	return ms_srtp_compat::Protect(
	  ::srtp_protect, ms_srtp_compat::MaxRtpTrailerLen, ctx, rtp, rtpLen, srtp, srtpLen, mkiIndex);
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx, const uint8_t* rtcp, size_t rtcpLen, uint8_t* srtcp, size_t* srtcpLen, size_t mkiIndex)
{
	return ms_srtp_compat::Protect(
	  ::srtp_protect_rtcp,
	  ms_srtp_compat::MaxRtcpTrailerLen,
	  ctx,
	  rtcp,
	  rtcpLen,
	  srtcp,
	  srtcpLen,
	  mkiIndex);
}

inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtpLen, uint8_t* rtp, size_t* rtpLen)
{
	return ms_srtp_compat::Unprotect(::srtp_unprotect, ctx, srtp, srtpLen, rtp, rtpLen);
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcpLen, uint8_t* rtcp, size_t* rtcpLen)
{
	return ms_srtp_compat::Unprotect(::srtp_unprotect_rtcp, ctx, srtcp, srtcpLen, rtcp, rtcpLen);
}

// libsrtp 3 renamed srtp_remove_stream(); both take the SSRC in network byte order.
inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return srtp_remove_stream(session, ssrc);
}

#endif // __cplusplus

#endif // MS_COMPAT_LIBSRTP3_SRTP_H
